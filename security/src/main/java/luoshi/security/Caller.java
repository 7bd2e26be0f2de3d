package luoshi.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.Set;
import luoshi.api.common.Role;
import luoshi.api.region.RegionCode;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who makes the current call, from the verified bearer token: {@code sub}, the roles in
 * {@code groups} and the {@code region} claim, the subtree the caller may act in ({@code 000000}: the
 * whole country). A token without a well-formed region claim acts nowhere.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    // read once per request: a batch asks for every row
    private String region;
    private boolean regionRead;
    private Set<String> groups;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        String sub = token.getSubject();
        return sub != null ? sub : token.getName();
    }

    /** The caller's region, or null when the token has none that is a region code. */
    public String region() {
        if (!regionRead) {
            region = regionClaim();
            regionRead = true;
        }
        return region;
    }

    private String regionClaim() {
        Object claim = token.getClaim("region");
        String value = claim instanceof JsonString s ? s.getString() : claim == null ? null : claim.toString();
        if (value == null || !(RegionCode.isCountry(value) || RegionCode.levelOf(value).isPresent())) {
            return null;
        }
        return value;
    }

    /**
     * What the token may do, as one text: its region claim (as written) and its roles, sorted, e.g.
     * {@code "330602 operator,viewer"}. Two tokens with the same rights are decided alike by {@link Access}.
     */
    public String rights() {
        Object claim = token.getClaim("region");
        String region = claim instanceof JsonString s ? s.getString() : String.valueOf(claim);
        return region + " " + String.join(",", new java.util.TreeSet<>(token.getGroups() == null ? Set.of() : token.getGroups()));
    }

    /**
     * True when the token grants {@code role}: one of its groups is a role that includes it ({@link Role#includes}: admin
     * includes operator and assessor, each of them viewer; the service identity reads).
     */
    public boolean has(Role role) {
        if (groups == null) {
            groups = token.getGroups() == null ? Set.of() : token.getGroups();
        }
        for (String group : groups) {
            Role granted = Role.ofGroup(group);
            if (granted != null && granted.includes(role)) {
                return true;
            }
        }
        return false;
    }
}
