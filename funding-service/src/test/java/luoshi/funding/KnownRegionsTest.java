package luoshi.funding;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static luoshi.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import luoshi.db.Database;
import luoshi.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API.md "Known regions only" on every write of funding-service: a region that is not in the read copy is a 404
 * naming it (a batch: a 400 naming every such row), and nothing is stored, neither rows nor audit events. 330699998,
 * 330699 and 339900 are well-formed codes of no region. The known regions are 新昌县's (330624) townships.
 */
@QuarkusTest
class KnownRegionsTest {

    static final List<String> UNKNOWN = List.of("330699998", "330699", "339900");

    @Inject
    Database db;

    @Inject
    ReplicaRows replica;

    @BeforeEach
    void xinchang() {
        replica.region("330624", "新昌县").region("330624001", "羽林街道").region("330624002", "南明街道")
                .region("330624003", "七星街道").region("330503002", "旧馆街道");
    }

    /** The rows of every table a write of funding-service fills, and its audit trail. */
    Map<String, Long> stored() {
        return db.one(Sql.of("SELECT (SELECT COUNT(*) FROM funding_record), (SELECT COUNT(*) FROM union_fee),"
                + " (SELECT COUNT(*) FROM audit_event)"),
                rs -> Map.of("funding_record", rs.getLong(1), "union_fee", rs.getLong(2), "audit_event", rs.getLong(3)))
                .orElseThrow();
    }

    @Test
    void aSingleWriteForAnUnknownRegionIsA404NamingItAndStoresNothing() {
        String id = Api.fund("330624001", "YOUTH_LEAGUE_WORK", 2019, "100.00");
        Map<String, Long> before = stored();
        for (String code : UNKNOWN) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(FundingRecordsTest.json(code, "YOUTH_LEAGUE_WORK", 2025, "\"20000.00\"", "绍市财〔2025〕12号"))
                    .post("/api/v1/funding").then().statusCode(404).contentType("application/problem+json")
                    .body("detail", is("No region " + code));
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("due", "1200000.00", "collected", "1188000.00"))
                    .put("/api/v1/union-fees/" + code + "/2025").then().statusCode(404).contentType("application/problem+json")
                    .body("detail", is("No region " + code));
            // a correction that moves a record to it
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(FundingRecordsTest.json(code, "YOUTH_LEAGUE_WORK", 2019, "\"100.00\"", null))
                    .put("/api/v1/funding/" + id).then().statusCode(404).contentType("application/problem+json")
                    .body("detail", is("No region " + code));
        }
        assertThat(stored()).isEqualTo(before);
        given().auth().oauth2(ADMIN).get("/api/v1/funding/" + id).then().statusCode(200).body("regionCode", is("330624001"));
    }

    @Test
    void aFundingBatchNamesEveryRowWhoseRegionIsUnknownAndStoresNothing() {
        Map<String, Long> before = stored();
        String good1 = FundingRecordsTest.json("330624002", "OTHER", 2019, "\"5.00\"", null);
        String good2 = FundingRecordsTest.json("330624003", "OTHER", 2019, "\"6.00\"", null);
        String body = "[" + String.join(",", good1, FundingRecordsTest.json("330699998", "OTHER", 2019, "\"5.00\"", null),
                good2, FundingRecordsTest.json("339900", "OTHER", 2019, "\"5.00\"", null)) + "]";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", "新昌-2019-unknown-regions")
                .body(body).post("/api/v1/funding/batch").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("[1].regionCode", "[3].regionCode"))
                .body("violations.message", contains("no region 330699998", "no region 339900"));
        assertThat(stored()).isEqualTo(before);
        // the refused batch did not keep its key either: the batch corrected is stored under it
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", "新昌-2019-unknown-regions")
                .body("[" + good1 + "," + good2 + "]").post("/api/v1/funding/batch").then().statusCode(200).body("accepted", is(2));
        assertThat(FundingRecordsTest.count("330624002", 2019)).isEqualTo(1);
    }

    @Test
    void aUnionFeesBatchNamesEveryRowWhoseRegionIsUnknownAndStoresNothing() {
        Map<String, Long> before = stored();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                        [{"regionCode":"330624","year":2019,"due":"100.00","collected":"100.00"},
                         {"regionCode":"330699","year":2019,"due":"100.00","collected":"100.00"},
                         {"regionCode":"330624","year":2018,"due":"100.00","collected":"100.00"},
                         {"regionCode":"330699998","year":2019,"due":"100.00","collected":"100.00"},
                         {"regionCode":"330699998","year":2018,"due":"100.00","collected":"100.00"}]""")
                .post("/api/v1/union-fees/batch").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("[1].regionCode", "[3].regionCode", "[4].regionCode"))
                .body("violations[0].message", is("no region 330699"));
        assertThat(stored()).isEqualTo(before);
        given().auth().oauth2(ADMIN).get("/api/v1/union-fees/330624/2019").then().statusCode(404);
    }

    @Test
    void aCallerOutsideTheRegionIsRefusedBeforeTheRegionIsLookedUp() {
        // 403 before 404: an operator of 湖州 learns nothing about which codes exist outside its region
        String huzhou = token("operator", "330500");
        Map<String, Long> before = stored();
        for (String code : UNKNOWN) {
            given().auth().oauth2(huzhou).contentType(ContentType.JSON)
                    .body(FundingRecordsTest.json(code, "OTHER", 2025, "\"1.00\"", null))
                    .post("/api/v1/funding").then().statusCode(403);
            given().auth().oauth2(huzhou).contentType(ContentType.JSON).body(Map.of("due", "1.00", "collected", "1.00"))
                    .put("/api/v1/union-fees/" + code + "/2025").then().statusCode(403);
        }
        given().auth().oauth2(huzhou).contentType(ContentType.JSON).body("["
                        + FundingRecordsTest.json("330503002", "OTHER", 2025, "\"1.00\"", null) + ","
                        + FundingRecordsTest.json("339900", "OTHER", 2025, "\"1.00\"", null) + "]")
                .post("/api/v1/funding/batch").then().statusCode(403).body("detail", startsWith("row 1: region 339900"));
        // inside its region, an unknown code is a 404 for the operator too
        given().auth().oauth2(huzhou).contentType(ContentType.JSON)
                .body(FundingRecordsTest.json("330503999", "OTHER", 2025, "\"1.00\"", null))
                .post("/api/v1/funding").then().statusCode(404).body("detail", containsString("330503999"));
        assertThat(stored()).isEqualTo(before);
    }
}
