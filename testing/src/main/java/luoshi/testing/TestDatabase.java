package luoshi.testing;

import luoshi.mariadb.Account;
import luoshi.mariadb.EmbeddedMariaDb;

/**
 * The MariaDB server of the tests and its administrator: {@code LUOSHI_TEST_DB_URL} with {@code LUOSHI_TEST_DB_USER}
 * (root) and {@code LUOSHI_TEST_DB_PASSWORD} (empty) when set, otherwise the embedded server of this JVM
 * ({@link TestServer}) with its root account. The administrator creates the schemas and their accounts; a service
 * under test never runs with it.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The server's URL with no database ({@code jdbc:mariadb://127.0.0.1:3306/}, or a cluster's nodes). */
    public static String serverUrl() {
        String external = external();
        return external != null ? JdbcUrls.server(external) : TestServer.get().jdbcUrl();
    }

    public static Account admin() {
        return external() != null ? new Account(env("LUOSHI_TEST_DB_USER", "root"), env("LUOSHI_TEST_DB_PASSWORD", ""))
                : TestServer.get().admin();
    }

    /** Whether the tests run on a server named by {@code LUOSHI_TEST_DB_URL} rather than the embedded one. */
    public static boolean isExternal() {
        return external() != null;
    }

    private static String external() {
        String url = System.getenv("LUOSHI_TEST_DB_URL");
        return url == null || url.isBlank() ? null : url.strip();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
