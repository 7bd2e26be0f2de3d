package luoshi.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * smallrye-jwt's parser, remembering the tokens it has verified: a caller (a provincial system, the gateway, a
 * service) sends the same token with every call, and each call verified its RS256 signature and parsed its claims
 * again (benchmarks/: a fifth of a service's CPU). A token is remembered by its whole text, signature included, so a
 * tampered or re-signed token is a different text and verified afresh; it is remembered for at most
 * {@value #REMEMBER_SECONDS} s (a revoked signing key is refused within that time) and never past its {@code exp}.
 * A token is remembered only once {@link TokenRules} (audience, {@code iat}, longest life) accepted it too; none of
 * those can change for the worse while it is remembered ({@code iat} only moves into the past).
 * Times are the wall clock's, as the verifier's own expiry check reads it, not the injected business
 * {@code java.time.Clock}: a test application fixes that one (the gateway's is 2026-11-22), and {@code asOf} moves
 * "today" for rules, while whether a token is valid is about the real now.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final long REMEMBER_SECONDS = 60;
    static final int CAPACITY = 10_000;

    private record Verified(JsonWebToken token, long until) {
    }

    private final JWTParser verifier;
    private final TokenRules rules;
    private final LongSupplier nowSeconds;
    private final Map<String, Verified> verified = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > CAPACITY;
        }
    };

    @Inject
    VerifiedTokens(DefaultJWTParser verifier, SecurityConfig config) {
        this(verifier, TokenRules.of(config), () -> System.currentTimeMillis() / 1000);
    }

    VerifiedTokens(JWTParser verifier, TokenRules rules, LongSupplier nowSeconds) {
        this.verifier = verifier;
        this.rules = rules;
        this.nowSeconds = nowSeconds;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = nowSeconds.getAsLong();
        synchronized (verified) {
            Verified v = verified.get(token);
            if (v != null && now < v.until()) {
                return v.token();
            }
            verified.remove(token);
        }
        JsonWebToken parsed = new ReadOnce(verifier.parse(token));   // throws when the token is not valid
        rules.check(parsed, now);
        long until = Math.min(now + REMEMBER_SECONDS, parsed.getExpirationTime());
        if (now < until) {
            synchronized (verified) {
                verified.put(token, new Verified(parsed, until));
            }
        }
        return parsed;
    }

    /**
     * A verified token whose claims are each read once: smallrye's principal looks a claim's name up among the standard
     * claims by {@code Enum.valueOf}, which throws for a name of ours ({@code region}) on every read (benchmarks/: 3 % of
     * the gateway). A token is immutable, so a claim read once holds for as long as the token is remembered.
     */
    static final class ReadOnce implements JsonWebToken {
        private final JsonWebToken token;
        private final Map<String, Optional<Object>> claims = new ConcurrentHashMap<>();

        ReadOnce(JsonWebToken token) {
            this.token = token;
        }

        @Override
        public String getName() {
            return token.getName();
        }

        @Override
        public Set<String> getClaimNames() {
            return token.getClaimNames();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.computeIfAbsent(name, n -> Optional.ofNullable(token.getClaim(n))).orElse(null);
        }

        @Override
        public String toString() {
            return token.toString();
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
