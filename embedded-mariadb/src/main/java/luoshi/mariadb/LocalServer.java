package luoshi.mariadb;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded server of {@code deploy/local/run.sh}: starts MariaDB on {@code LUOSHI_BIND_HOST}
 * (127.0.0.1) port {@code LUOSHI_DB_PORT} (3307) with its data in {@code LUOSHI_DATA_DIR/mariadb},
 * creates the services' schemas with each its two accounts ({@link SchemaAccounts}: the service's
 * own user and its migration user, passwords kept in {@link KeptPasswords#FILE} of the data
 * directory), prints one line {@code READY port=… data=… accounts=…}, and runs until it is stopped
 * (SIGTERM or SIGINT), when it shuts the server down cleanly.
 */
public final class LocalServer {

    private LocalServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(env("LUOSHI_DB_PORT", "3307"));
        Path dataDir = Path.of(env("LUOSHI_DATA_DIR", System.getProperty("user.home") + "/.local/share/luoshi"))
                .resolve("mariadb").toAbsolutePath();
        String[] schemas = env("LUOSHI_SCHEMAS", "luoshi_org,luoshi_funding,luoshi_review").split(",");
        String bindAddress = env("LUOSHI_BIND_HOST", EmbeddedMariaDb.LOOPBACK);

        EmbeddedMariaDb server = EmbeddedMariaDb.start(port, bindAddress, EmbeddedMariaDb.defaultBaseDir(), dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "mariadb-shutdown"));
        for (String schema : schemas) {
            server.schemaAccounts(schema.strip());
        }
        System.out.println("READY port=" + server.port() + " bind=" + server.bindAddress() + " data=" + server.dataDir()
                + " accounts=" + server.passwordsFile());
        System.out.flush();
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
