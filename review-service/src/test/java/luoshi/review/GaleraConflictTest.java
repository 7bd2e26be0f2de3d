package luoshi.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import luoshi.db.Conflicts;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.testing.JdbcUrls;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #18, on a Galera cluster only ({@code LUOSHI_TEST_DB_URL} naming its nodes; skipped on one server): the
 * application writes through the first node; a write of the same row committed on the second node meanwhile makes
 * the application's transaction fail at its commit (a lost certification or an abort by the replicated write: 1213,
 * wrapped by the transaction manager). {@link Conflicts} recognises it there, and {@code @RetriedOnConflict} runs the
 * whole transaction again.
 */
@QuarkusTest
class GaleraConflictTest {

    @Inject
    Database db;

    @Inject
    ConflictingWrite write;

    private String secondNode;

    @BeforeEach
    void onACluster() {
        String url = System.getenv("LUOSHI_TEST_DB_URL");
        Assumptions.assumeTrue(url != null && JdbcUrls.hosts(url).size() >= 2,
                "SKIPPED: LUOSHI_TEST_DB_URL does not name a Galera cluster's nodes (deploy/galera)");
        String app = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String schema = app.substring(app.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        secondNode = JdbcUrls.node(url, 1, schema);
    }

    private Runnable sameRowOnTheSecondNode() {
        return () -> {
            try (Connection c = DriverManager.getConnection(secondNode, env("LUOSHI_TEST_DB_USER", "root"),
                    env("LUOSHI_TEST_DB_PASSWORD", "")); Statement s = c.createStatement()) {
                // autocommit: certified and committed at once; the application's row lock is on the first node only
                s.executeUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void aTransactionThatLostToAnotherNodeFailsRetryably() {
        Throwable failure = catchThrowable(() -> QuarkusTransaction.requiringNew().run(() -> {
            db.update(Sql.of("UPDATE data_version SET version = version + 1 WHERE id = 1"));
            sameRowOnTheSecondNode().run();
        }));
        assertThat(failure).as("the commit after another node's write of the row").isNotNull();
        assertThat(Conflicts.retryable(failure)).as("retryable: %s", failure).isTrue();
    }

    @Test
    void aRetriedTransactionRunsAgainWholeAndCommits() {
        long before = version();
        AtomicInteger attempts = new AtomicInteger();
        write.advance(attempts, sameRowOnTheSecondNode());
        assertThat(attempts).hasValue(2);
        // the second node's write and the second attempt's; the first attempt's was rolled back
        assertThat(version()).isEqualTo(before + 2);
    }

    private long version() {
        // wsrep_sync_wait: see every write the cluster committed before this read
        return QuarkusTransaction.requiringNew().call(() -> {
            db.update(Sql.of("SET SESSION wsrep_sync_wait = 1"));
            long v = db.count(Sql.of("SELECT version FROM data_version WHERE id = 1"));
            db.update(Sql.of("SET SESSION wsrep_sync_wait = 0"));
            return v;
        });
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
