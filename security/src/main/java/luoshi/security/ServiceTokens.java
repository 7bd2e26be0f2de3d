package luoshi.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import luoshi.api.common.Role;
import luoshi.api.region.RegionCode;
import luoshi.security.jwt.Rs256;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's own identity for the calls it makes to another service: a token of the role
 * {@code service} over the whole country, signed with {@link SecurityConfig#serviceKey}, renewed when
 * half its life has passed. It names the configured audience and lives no longer than the maximum age
 * ({@link TokenRules}), so that the other services, configured alike, accept it. {@link #filter} is the client filter that adds it to a call that carries
 * no other token.
 */
@ApplicationScoped
public class ServiceTokens {

    private final SecurityConfig config;
    private final String issuer;
    private final String name;
    private final Optional<PrivateKey> key;
    private String token;
    private long renewAt;

    ServiceTokens(SecurityConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "quarkus.application.name") String name) {
        this.config = config;
        this.issuer = issuer;
        this.name = name;
        this.key = config.serviceKey().map(ServiceTokens::read);
    }

    private static PrivateKey read(String location) {
        try {
            return Rs256.privateKey(Files.readString(Path.of(location)));
        } catch (IOException e) {
            throw new UncheckedIOException("luoshi.security.service-key: cannot read " + location, e);
        }
    }

    /** The current token, or empty when this service has no key to sign one. */
    public synchronized Optional<String> current() {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        // real time, not the business clock: a token's life is about now, whatever asOf the tests set
        long now = System.currentTimeMillis() / 1000;
        if (token == null || now >= renewAt) {
            // within the life every verifier accepts (the services share the configuration), and for its audience
            long lifetime = Math.min(config.serviceTokenLifetime().toSeconds(), config.maxTokenAge().toSeconds());
            token = Rs256.sign(Rs256.claims(issuer, config.audience().orElse(null), "service:" + name,
                    List.of(Role.SERVICE.group()), RegionCode.COUNTRY, now, lifetime), key.get(),
                    config.serviceKeyId().orElse(null));
            renewAt = now + lifetime / 2;
        }
        return Optional.of(token);
    }

    /** A client filter: the service token on every call that has no Authorization header yet. */
    public ClientRequestFilter filter() {
        return (ClientRequestContext request) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                current().ifPresent(t -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + t));
            }
        };
    }
}
