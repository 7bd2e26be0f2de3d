package luoshi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.EvidenceRows;
import luoshi.rules.spi.Found;
import luoshi.testing.StatementLog;
import org.junit.jupiter.api.Test;

/**
 * {@link EvidenceRows}: the rows of many items read together and handed back each to its own item, in the items' order,
 * with a statement for every {@code EvidenceRows.BRANCHES} (32) different selections (a page of the follow-up list has
 * up to 5,000).
 */
@QuarkusTest
class EvidenceRowsTest {

    @Inject
    Database db;

    @Test
    void eachItemGetsItsOwnRowsInOrderWithAStatementPer32Selections() {
        List<Found<Integer>> found = new ArrayList<>();
        for (int n = 1; n <= 100; n++) {
            found.add(found(n));
        }
        found.add(found(7));       // the same selection as the seventh item: its rows again, no branch of its own
        found.add(found(0));       // nothing to read: no rows

        AtomicReference<List<List<String>>> rows = new AtomicReference<>();
        List<String> statements = StatementLog.during(() -> rows.set(EvidenceRows.read(db, found,
                f -> f.rule() == 0 ? null : Sql.of("SELECT :n AS n, 'b' AS tag UNION ALL SELECT :n, 'a'").bind("n", f.rule()),
                "tag", rs -> rs.getInt("n") + rs.getString("tag"))));

        assertThat(rows.get()).hasSize(102);
        for (int n = 1; n <= 100; n++) {
            assertThat(rows.get().get(n - 1)).containsExactly(n + "a", n + "b");   // its own rows, in the order asked
        }
        assertThat(rows.get().get(100)).containsExactly("7a", "7b");
        assertThat(rows.get().get(101)).isEmpty();
        assertThat(statements.stream().filter(s -> s.contains("evidence_place_"))).hasSize(4);   // 32, 32, 32, 4
    }

    private static Found<Integer> found(int n) {
        return new Found<>("330602001", n, RequirementPeriod.YEAR, ComplianceStatus.COMPLIANT, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31), null, null, null);
    }
}
