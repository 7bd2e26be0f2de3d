package luoshi.testing;

import luoshi.mariadb.EmbeddedMariaDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A real MariaDB for a service's {@code @QuarkusTest}s, with a fresh schema for each test
 * application. By default it starts the embedded server (once per test JVM, on a free port, its
 * data in a temporary directory removed at exit); when {@code LUOSHI_TEST_DB_URL} names a server
 * (e.g. {@code jdbc:mariadb://127.0.0.1:3306/}, with {@code LUOSHI_TEST_DB_USER} and
 * {@code LUOSHI_TEST_DB_PASSWORD}), the tests run there and the schema is dropped afterwards. It may name several
 * hosts, a Galera cluster's nodes ({@code jdbc:mariadb:sequential://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/},
 * deploy/galera/README.md), and carry options: the schema's URL keeps them ({@link JdbcUrls}).
 *
 * <p>Use: {@code @QuarkusTestResource(value = MariaDbTestResource.class, initArgs =
 * @ResourceArg(name = "schema", value = "org"))} on one test class of the module; every test
 * class with the same profile shares the application and its schema.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    private String serverUrl;
    private String user;
    private String password;
    private String schema;

    @Override
    public void init(Map<String, String> initArgs) {
        schema = "luoshi_test_" + initArgs.getOrDefault("schema", "app") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public Map<String, String> start() {
        String external = System.getenv("LUOSHI_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            serverUrl = JdbcUrls.server(external.strip());
            user = envOr("LUOSHI_TEST_DB_USER", "root");
            password = envOr("LUOSHI_TEST_DB_PASSWORD", "");
        } else {
            serverUrl = TestServer.get().jdbcUrl();
            user = "root";
            password = "";
        }
        EmbeddedMariaDb.createSchemasOn(serverUrl, user, password, schema);
        return Map.of(
                "quarkus.datasource.jdbc.url", JdbcUrls.withSchema(serverUrl, schema),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
        } catch (SQLException e) {
            // the server may already be gone at JVM exit; nothing is left behind in that case
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
