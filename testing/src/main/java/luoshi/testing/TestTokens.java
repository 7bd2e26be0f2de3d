package luoshi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import luoshi.security.jwt.Rs256;

/**
 * Tokens for the tests, signed with a key pair made for this JVM (never one from the repository):
 * good ones for each role and region (for {@link #AUDIENCE}, living 12 h), and the bad kinds a service must refuse
 * with 401 (expired, tampered, signed by a foreign key, without the audience, issued in the future, living longer than
 * a day). The key pair lives in a temporary directory named by a system
 * property, so that the test code and the application under test, which Quarkus loads in different
 * class loaders, sign and verify with the same pair.
 */
public final class TestTokens {

    public static final String ISSUER = "https://luoshi.test";
    /** The audience the applications under test require ({@link JwtTestResource}, system-tests' LuoshiSystem). */
    public static final String AUDIENCE = "luoshi-test";
    private static final String DIR_PROPERTY = "luoshi.test.jwt.dir";
    private static final long HOUR = 3600;
    /** Well within luoshi.security.max-token-age (24 h by default). */
    private static final long LIFETIME = 12 * HOUR;

    /** An admin of the whole country, for tests that are not about authorisation. */
    public static final String ADMIN = token("admin", "000000");

    private TestTokens() {
    }

    /** The directory with private.pem and public.pem, created once per JVM. */
    public static Path keys() {
        synchronized (System.getProperties()) {
            String dir = System.getProperty(DIR_PROPERTY);
            if (dir == null) {
                try {
                    Path created = Files.createTempDirectory("luoshi-test-jwt");
                    Rs256.write(Rs256.generate(), created);
                    dir = created.toString();
                    System.setProperty(DIR_PROPERTY, dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Path.of(dir);
        }
    }

    public static String publicKeyPem() {
        try {
            return Files.readString(keys().resolve("public.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String token(String role, String region) {
        return token(role, region, role + "@" + region);
    }

    public static String token(String role, String region, String subject) {
        return sign(List.of(role), region, subject, now(), LIFETIME, privateKey());
    }

    /** The identity a service signs for its own calls to another. */
    public static String service() {
        return sign(List.of("service"), "000000", "service:test", now(), LIFETIME, privateKey());
    }

    /** Expired an hour ago: well past any clock skew. */
    public static String expired(String role, String region) {
        return sign(List.of(role), region, role + "@" + region, now() - 2 * HOUR, HOUR, privateKey());
    }

    /** Good in every other way, but with no {@code aud} claim: refused where an audience is configured. */
    public static String withoutAudience(String role, String region) {
        return Rs256.sign(Rs256.claims(ISSUER, null, role + "@" + region, List.of(role), region, now(), LIFETIME),
                privateKey(), null);
    }

    /** Issued an hour from now (far past the minute of clock skew allowed), living an hour from then. */
    public static String issuedInTheFuture(String role, String region) {
        return sign(List.of(role), region, role + "@" + region, now() + HOUR, HOUR, privateKey());
    }

    /** Issued now for 25 h: longer than the 24 h a token may live by default. */
    public static String livingLongerThanADay(String role, String region) {
        return sign(List.of(role), region, role + "@" + region, now(), 25 * HOUR, privateKey());
    }

    /** A good token whose claims were changed after signing: its region widened to the whole country. */
    public static String tampered(String role, String region) {
        String[] parts = token(role, region).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"region\":\"" + region + "\"", "\"region\":\"000000\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** Well formed, of the right issuer, but signed by a key the services do not trust. */
    public static String foreign(String role, String region) {
        return sign(List.of(role), region, role + "@" + region, now(), LIFETIME, Rs256.generate().getPrivate());
    }

    private static String sign(List<String> groups, String region, String subject, long issuedAt, long lifetime,
            PrivateKey key) {
        return Rs256.sign(Rs256.claims(ISSUER, AUDIENCE, subject, groups, region, issuedAt, lifetime), key, null);
    }

    private static PrivateKey privateKey() {
        try {
            return Rs256.privateKey(Files.readString(keys().resolve("private.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
