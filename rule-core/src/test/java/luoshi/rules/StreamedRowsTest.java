package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import luoshi.api.common.Page;
import luoshi.api.compliance.OpenItem;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.engine.Compliance;
import org.junit.jupiter.api.Test;

/**
 * A query read as the database sends it (issue #29: the reminder job's own service never holds the country's open
 * items): {@link Database#each} hands the rows on in parts of at most {@link Database#CHUNK}, in the query's order, and
 * a part that fails ends the query with its own exception; {@link Compliance#eachOpenItem} hands on exactly the items
 * of the pages, in their order.
 */
@QuarkusTest
class StreamedRowsTest {

    @Inject
    Database db;

    @Inject
    Compliance compliance;

    @Test
    void theRowsAreHandedOnInPartsOfAThousandInTheQuerysOrder() {
        List<Integer> sizes = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        long count = db.each(Sql.of("SELECT seq FROM seq_1_to_2500 ORDER BY seq DESC"), rs -> rs.getLong(1), part -> {
            sizes.add(part.size());
            rows.addAll(part);
        });
        assertThat(count).isEqualTo(2_500);
        assertThat(sizes).containsExactly(1_000, 1_000, 500);
        assertThat(rows).isEqualTo(LongStream.rangeClosed(1, 2_500).map(n -> 2_501 - n).boxed().toList());
        assertThat(db.each(Sql.of("SELECT seq FROM seq_1_to_2500 WHERE seq > 9999"), rs -> rs.getLong(1),
                part -> sizes.add(-1))).isZero();
        assertThat(sizes).hasSize(3);   // no empty part
    }

    @Test
    void aPartThatFailsEndsTheQueryWithItsOwnExceptionAndTheConnectionServesTheNext() {
        IllegalStateException failure = new IllegalStateException("the part could not be written");
        List<Integer> sizes = new ArrayList<>();
        assertThatThrownBy(() -> db.each(Sql.of("SELECT seq FROM seq_1_to_5000"), rs -> rs.getLong(1), part -> {
            sizes.add(part.size());
            throw failure;
        })).isSameAs(failure);
        assertThat(sizes).containsExactly(1_000);
        for (int i = 0; i < 3; i++) {   // the connection went back to the pool usable, its result read or dropped
            assertThat(db.count(Sql.of("SELECT COUNT(*) FROM seq_1_to_5000"))).isEqualTo(5_000);
        }
    }

    @Test
    void theOpenItemsStreamedAreThoseOfThePagesInTheirOrder() {
        // a requirement of its own, so that there are open items whatever ran before: every township of 绍兴市 (its
        // funding is not recorded: PENDING until the year's due date)
        int created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"id":"STREAMED_OPEN_ITEMS","title":"Youth league funding","titleZh":"共青团工作经费","source":"test",
                 "issuerRegionCode":"330600","levels":["TOWNSHIP"],"period":"YEAR",
                 "rule":{"type":"TEST_MIN_AMOUNT","minAmount":"20000.00"}}""").post("/api/v1/requirements").then()
                .extract().statusCode();
        assertThat(created).isIn(201, 409);
        LocalDate asOf = LocalDate.of(2026, 12, 1);
        List<OpenItem> streamed = new ArrayList<>();
        long count = compliance.eachOpenItem(asOf, null, null, streamed::addAll);
        List<OpenItem> paged = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<OpenItem> p = compliance.openItems(asOf, null, null, page, 2);
            paged.addAll(p.items());
            if (p.items().size() < 2) {
                break;
            }
        }
        assertThat(streamed).filteredOn(i -> i.requirementId().equals("STREAMED_OPEN_ITEMS")).hasSizeGreaterThan(2)
                .extracting(OpenItem::regionCode).isSorted();
        assertThat(streamed).isEqualTo(paged);
        assertThat(count).isEqualTo(streamed.size());
        assertThat(compliance.allOpenItems(asOf, null, null)).isEqualTo(streamed);
    }
}
