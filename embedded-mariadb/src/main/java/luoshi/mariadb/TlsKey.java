package luoshi.mariadb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The TLS key and self-signed certificate of an embedded server's data directory ({@value #KEY_FILE}, 0600, and
 * {@value #CERT_FILE}), made once at its first start and given to the server at every start ({@code --ssl-key},
 * {@code --ssl-cert}).
 *
 * <p>Why: MariaDB 11.4 offers TLS by default, and a server started without a certificate makes itself a new RSA 2048 key
 * at every start (wolfSSL's prime search: 5 to 9 CPU seconds on this project's 2-core machines, 80–90 % of the server's
 * start-up; {@code perf}: {@code new_VioSSLAcceptorFd → wc_MakeRsaKey}). An EC P-256 key made here by the JDK's
 * {@code keytool} costs under a second, once per data directory; the server then starts in about a second. TLS stays
 * on, as before (the 11.4 client verifies a self-signed certificate through the password's fingerprint). Without a
 * {@code keytool} (a JRE trimmed by jlink) the server makes its own key, as before.
 */
final class TlsKey {

    static final String KEY_FILE = "luoshi-tls-key.pem";
    static final String CERT_FILE = "luoshi-tls-cert.pem";
    private static final String ALIAS = "mariadb";

    private TlsKey() {
    }

    /**
     * The server options that name {@code dataDir}'s key and certificate, or none when there are none and no
     * {@code keytool} to make them ({@link #ensure} makes them before the server starts).
     */
    static List<String> serverArgs(Path dataDir) {
        Path key = dataDir.resolve(KEY_FILE);
        Path cert = dataDir.resolve(CERT_FILE);
        boolean kept = Files.isRegularFile(key) && Files.isRegularFile(cert);
        return kept || Files.isExecutable(keytool()) ? List.of("--ssl-key=" + key, "--ssl-cert=" + cert) : List.of();
    }

    /** Makes {@code dataDir}'s key and certificate if it has none yet (the key store in {@code tmpDir} meanwhile). */
    static void ensure(Path dataDir, Path tmpDir) {
        Path key = dataDir.resolve(KEY_FILE);
        Path cert = dataDir.resolve(CERT_FILE);
        if ((!Files.isRegularFile(key) || !Files.isRegularFile(cert)) && Files.isExecutable(keytool())) {
            make(keytool(), tmpDir, key, cert);
        }
    }

    private static Path keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool");
    }

    private static void make(Path keytool, Path tmpDir, Path key, Path cert) {
        Path store = tmpDir.resolve("luoshi-tls.p12");
        String storePassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try {
            Files.deleteIfExists(store);
            ProcessBuilder pb = new ProcessBuilder(keytool.toString(), "-J-XX:TieredStopAtLevel=1", "-genkeypair",
                    "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                    "-dname", "CN=luoshi-embedded-mariadb", "-validity", "36500", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass:env", "LUOSHI_TLS_STOREPASS")
                    .redirectErrorStream(true);
            pb.environment().put("LUOSHI_TLS_STOREPASS", storePassword);
            Process keytoolRun = pb.start();
            String output = new String(keytoolRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytoolRun.waitFor() != 0) {
                throw new IllegalStateException("keytool could not make the server's TLS key: " + output.strip());
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, storePassword.toCharArray());
            }
            byte[] privateKey = ks.getKey(ALIAS, storePassword.toCharArray()).getEncoded();   // PKCS#8
            byte[] certificate = ks.getCertificate(ALIAS).getEncoded();
            // the certificate last: a key without its certificate is made again at the next start
            write(key, pem("PRIVATE KEY", privateKey));
            write(cert, pem("CERTIFICATE", certificate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the TLS key keytool made: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making the server's TLS key", e);
        } finally {
            try {
                Files.deleteIfExists(store);
            } catch (IOException ignored) {
                // a temporary file in the server's tmp directory
            }
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Written whole under another name, readable by its owner only, then moved into place. */
    private static void write(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, content, StandardCharsets.US_ASCII);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
