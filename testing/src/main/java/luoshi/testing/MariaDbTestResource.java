package luoshi.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;
import luoshi.mariadb.Account;
import luoshi.mariadb.SchemaAccounts;

/**
 * A real MariaDB for a service's {@code @QuarkusTest}s, with a fresh schema for each test
 * application. By default it starts the embedded server (once per test JVM, on a free port, its
 * data in a temporary directory removed at exit); when {@code LUOSHI_TEST_DB_URL} names a server
 * (e.g. {@code jdbc:mariadb://127.0.0.1:3306/}, with {@code LUOSHI_TEST_DB_USER} and
 * {@code LUOSHI_TEST_DB_PASSWORD}), the tests run there and the schema is dropped afterwards. It may name several
 * hosts, a Galera cluster's nodes ({@code jdbc:mariadb:sequential://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/},
 * deploy/galera/README.md), and carry options: the schema's URL keeps them ({@link JdbcUrls}).
 *
 * <p>The application runs as it does in production (issue #24): its pool with the schema's own user (SELECT, INSERT,
 * UPDATE, DELETE only), Flyway with the schema's migration user ({@link SchemaAccounts}), both made for this schema
 * with random passwords by the server's administrator (the embedded server's root, or {@code LUOSHI_TEST_DB_USER},
 * which must be allowed to create users) and dropped with it. A test whose SQL needs more than a service may do fails.
 *
 * <p>Use: {@code @QuarkusTestResource(value = MariaDbTestResource.class, initArgs =
 * @ResourceArg(name = "schema", value = "org"))} on one test class of the module; every test
 * class with the same profile shares the application and its schema.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    private String serverUrl;
    private Account admin;
    private SchemaAccounts accounts;
    private String schema;

    @Override
    public void init(Map<String, String> initArgs) {
        schema = "luoshi_test_" + initArgs.getOrDefault("schema", "app") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public Map<String, String> start() {
        serverUrl = TestDatabase.serverUrl();
        admin = TestDatabase.admin();
        accounts = SchemaAccounts.generate(schema);
        accounts.createOn(serverUrl, admin);
        return Map.of(
                "quarkus.datasource.jdbc.url", JdbcUrls.withSchema(serverUrl, schema),
                "quarkus.datasource.username", accounts.runtime().user(),
                "quarkus.datasource.password", accounts.runtime().password(),
                "quarkus.flyway.username", accounts.migration().user(),
                "quarkus.flyway.password", accounts.migration().password());
    }

    @Override
    public void stop() {
        try {
            accounts.dropFrom(serverUrl, admin);
        } catch (IllegalStateException e) {
            // the server may already be gone at JVM exit; nothing is left behind in that case
        }
    }
}
