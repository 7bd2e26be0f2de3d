package luoshi.security.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RS256 JSON Web Tokens (RFC 7515/7519) with the JDK alone: key pairs as PEM files, and compact
 * signed tokens. Used by the services to mint their own short-lived service tokens, by
 * {@code deploy/local/token.sh} and by the tests; verification is smallrye-jwt's. Claims are strings,
 * numbers or lists of strings, which is all a Luoshi token carries.
 */
public final class Rs256 {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Rs256() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code private.pem} (PKCS#8, readable by its owner only) and {@code public.pem} (X.509). */
    public static void write(KeyPair keys, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path privatePem = dir.resolve("private.pem");
        Files.writeString(privatePem, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        // readable by its owner only, where the file system has POSIX permissions (else the directory's apply)
        if (Files.getFileStore(privatePem).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(privatePem, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A PKCS#8 private key from its PEM text. */
    public static PrivateKey privateKey(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key in PEM form", e);
        }
    }

    /** A compact JWS: base64url(header).base64url(claims).base64url(RS256 signature). */
    public static String sign(Map<String, ?> claims, PrivateKey key, String keyId) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        String input = URL.encodeToString(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims of a Luoshi token; {@code issuedAt} in epoch seconds, the lifetime in seconds. {@code audience} is
     * the {@code aud} claim, left out when null (a system that configures none checks none).
     */
    public static Map<String, Object> claims(String issuer, String audience, String subject, List<String> groups,
            String region, long issuedAt, long lifetimeSeconds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        if (audience != null) {
            claims.put("aud", audience);
        }
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", groups);
        claims.put("region", region);
        claims.put("jti", java.util.UUID.randomUUID().toString());
        claims.put("iat", issuedAt);
        claims.put("exp", issuedAt + lifetimeSeconds);
        return claims;
    }

    static String json(Map<String, ?> map) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, e.getKey());
            out.append(':');
            Object v = e.getValue();
            if (v instanceof Number) {
                out.append(v);
            } else if (v instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(out, String.valueOf(list.get(i)));
                }
                out.append(']');
            } else {
                string(out, String.valueOf(v));
            }
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
