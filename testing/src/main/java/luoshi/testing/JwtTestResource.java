package luoshi.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Configures the application under test to trust {@link TestTokens}: their issuer and public key,
 * the audience they name (so that every test runs with the audience checked, as production does), and the private
 * key that signs the service's own calls. Declare it beside the database resource.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // the key itself, not its location: in test mode smallrye-jwt configures an in-memory key of its own,
        // which a location would not override
        return Map.of(
                "mp.jwt.verify.publickey", TestTokens.publicKeyPem(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "luoshi.security.audience", TestTokens.AUDIENCE,
                "luoshi.security.service-key", TestTokens.keys().resolve("private.pem").toString());
    }

    @Override
    public void stop() {
        // the key pair's directory is temporary; nothing else to release
    }
}
