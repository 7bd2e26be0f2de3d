package luoshi.security.jwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The key pair and the tokens of a local run (deploy/local/run.sh and token.sh), with the JDK alone:
 * <pre>
 *   java -cp security/target/classes luoshi.security.jwt.LocalJwt keys  DIR
 *   java -cp security/target/classes luoshi.security.jwt.LocalJwt token DIR ROLE REGION [SUBJECT] [HOURS]
 * </pre>
 * {@code keys} creates DIR/private.pem and DIR/public.pem unless they exist: a key pair generated at
 * the first start and kept with the local data, never one committed to the repository. {@code token}
 * prints a token of issuer {@value #ISSUER}, which the local services are configured to accept: for the audience
 * in {@code LUOSHI_JWT_AUDIENCE} when that is set (the variable the services read it from), living HOURS (default
 * 12), at most {@value #MAX_HOURS} (the services' default {@code luoshi.security.max-token-age}).
 */
public final class LocalJwt {

    public static final String ISSUER = "https://luoshi.local";
    static final List<String> ROLES = List.of("viewer", "assessor", "operator", "admin");
    static final long MAX_HOURS = 24;

    private LocalJwt() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("keys")) {
            Path dir = Path.of(args[1]);
            if (!Files.exists(dir.resolve("private.pem"))) {
                Rs256.write(Rs256.generate(), dir);
            }
            return;
        }
        if (args.length >= 4 && args[0].equals("token")) {
            Path dir = Path.of(args[1]);
            String role = args[2];
            String region = args[3];
            if (!ROLES.contains(role)) {
                fail("ROLE must be one of " + ROLES + ", not " + role);
            }
            if (!region.matches("\\d{6}|\\d{9}|\\d{12}")) {
                fail("REGION must be a region code such as 330000, or 000000 for the whole country; not " + region);
            }
            Path privatePem = dir.resolve("private.pem");
            if (!Files.exists(privatePem)) {
                fail("no key in " + dir + ": start the system once with deploy/local/run.sh (it creates the key pair)");
            }
            String subject = args.length > 4 ? args[4] : role + "@" + region;
            long hours = args.length > 5 ? hours(args[5]) : 12;
            String audience = System.getenv("LUOSHI_JWT_AUDIENCE");
            System.out.println(Rs256.sign(Rs256.claims(ISSUER, audience == null || audience.isBlank() ? null : audience.strip(),
                    subject, List.of(role), region, Instant.now().getEpochSecond(), hours * 3600),
                    Rs256.privateKey(Files.readString(privatePem)), null));
            return;
        }
        fail("usage: LocalJwt keys DIR | LocalJwt token DIR ROLE REGION [SUBJECT] [HOURS]");
    }

    private static long hours(String given) {
        long hours = given.matches("\\d{1,4}") ? Long.parseLong(given) : 0;
        if (hours < 1 || hours > MAX_HOURS) {
            fail("HOURS must be 1 to " + MAX_HOURS + " (the services refuse a token that lives longer), not " + given);
        }
        return hours;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
