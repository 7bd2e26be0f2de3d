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
 * good ones for each role and region, and the bad kinds a service must refuse with 401 (expired,
 * tampered, signed by a foreign key). The key pair lives in a temporary directory named by a system
 * property, so that the test code and the application under test, which Quarkus loads in different
 * class loaders, sign and verify with the same pair.
 */
public final class TestTokens {

    public static final String ISSUER = "https://luoshi.test";
    private static final String DIR_PROPERTY = "luoshi.test.jwt.dir";
    private static final long DAY = 24 * 3600;

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
        return sign(List.of(role), region, subject, now(), DAY, privateKey());
    }

    /** The identity a service signs for its own calls to another. */
    public static String service() {
        return sign(List.of("service"), "000000", "service:test", now(), DAY, privateKey());
    }

    /** Expired an hour ago: well past any clock skew. */
    public static String expired(String role, String region) {
        return sign(List.of(role), region, role + "@" + region, now() - 2 * 3600, 3600, privateKey());
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
        return sign(List.of(role), region, role + "@" + region, now(), DAY, Rs256.generate().getPrivate());
    }

    private static String sign(List<String> groups, String region, String subject, long issuedAt, long lifetime,
            PrivateKey key) {
        return Rs256.sign(Rs256.claims(ISSUER, subject, groups, region, issuedAt, lifetime), key, null);
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
