package luoshi.security;

import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.JsonNumber;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What Luoshi asks of a token beyond smallrye-jwt's checks (signature, issuer, {@code exp}), API.md "Tokens":
 * <ul>
 *   <li>when an audience is configured, {@code aud} names it (a string or one of a list);</li>
 *   <li>{@code iat}, when present, is not later than now plus {@link #CLOCK_SKEW}: a token from the future was
 *       made by a wrong clock or for later use, and would otherwise outlive its stated life;</li>
 *   <li>its life, {@code exp - iat} (or {@code exp - now} without {@code iat}), is at most the configured maximum:
 *       a 100-year token that leaks stays a key for 100 years.</li>
 * </ul>
 * A refusal is a {@link Refused} with a message a caller may read (it names no key and no secret); the filter
 * ({@link Authentication}) answers it as a 401 problem.
 */
final class TokenRules {

    /** How far the issuer's clock may be ahead of this server's: smallrye-jwt's own allowance for {@code exp}. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** A token that is well signed but that Luoshi does not accept; its message says why. */
    static final class Refused extends ParseException {
        Refused(String message) {
            super(message);
        }
    }

    private final Optional<String> audience;
    private final long maxAgeSeconds;

    TokenRules(Optional<String> audience, Duration maxAge) {
        this.audience = audience.map(String::strip).filter(a -> !a.isEmpty());
        this.maxAgeSeconds = maxAge.toSeconds();
    }

    static TokenRules of(SecurityConfig config) {
        return new TokenRules(config.audience(), config.maxTokenAge());
    }

    /** Checks a verified token at {@code now} (epoch seconds); throws {@link Refused} when it is not accepted. */
    void check(JsonWebToken token, long now) throws Refused {
        if (audience.isPresent()) {
            Set<String> named = token.getAudience();
            if (named == null || !named.contains(audience.get())) {
                throw new Refused("The bearer token is not for this system: its aud claim must name " + audience.get() + ".");
            }
        }
        Long issuedAt = seconds(token.getClaim("iat"));
        if (issuedAt != null && issuedAt > now + CLOCK_SKEW.toSeconds()) {
            throw new Refused("The bearer token was issued in the future (iat " + issuedAt + ", now " + now + ").");
        }
        Long expires = seconds(token.getClaim("exp"));
        long life = expires == null ? Long.MAX_VALUE : expires - (issuedAt != null ? issuedAt : now);
        if (life > maxAgeSeconds) {
            throw new Refused("The bearer token lives longer than the " + maxAgeSeconds + " s this system accepts"
                    + " (exp - iat, or exp - now without iat).");
        }
    }

    private static Long seconds(Object claim) {
        if (claim instanceof Number n) {
            return n.longValue();
        }
        if (claim instanceof JsonNumber n) {
            return n.longValue();
        }
        return null;
    }
}
