package luoshi.funding;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static luoshi.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import luoshi.testing.Management;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * API.md "Security" at funding-service itself (reached directly, as a caller who bypasses the
 * gateway would): tokens, roles, the region claim, and the audit trail of every write. The records
 * here are in 湖州 (330500), apart from the other tests' regions.
 */
@QuarkusTest
class FundingSecurityTest {

    static final String OPERATOR_HUZHOU = token("operator", "330500", "li.si@330500");

    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReplicaRows replica;

    @Test
    void aCallWithoutAGoodTokenIsRefusedWith401() {
        given().get("/api/v1/funding").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("detail", containsString("bearer token"));
        for (String bad : new String[] {TestTokens.expired("admin", "000000"), TestTokens.tampered("viewer", "330500"),
                TestTokens.foreign("admin", "000000"), "not-a-jwt"}) {
            given().auth().oauth2(bad).get("/api/v1/funding").then().statusCode(401).body("status", is(401));
        }
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/funding").then().statusCode(401);
        // the OpenAPI document stays open, and health, on the management port, needs no token
        given().get("/q/openapi").then().statusCode(200);
        Management.given(management).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aViewerReadsButDoesNotWrite() {
        given().auth().oauth2(token("viewer", "330500")).contentType(ContentType.JSON)
                .body(FundingRecordsTest.json("330502001", "WOMENS_WORK", 2025, "\"100.00\"", null))
                .post("/api/v1/funding").then().statusCode(403).body("detail", containsString("operator"));
        given().auth().oauth2(token("viewer", "330500")).queryParam("regionCode", "330502001")
                .get("/api/v1/funding").then().statusCode(200);
        assertThat(rows("330502001")).isZero();
    }

    @Test
    void anOperatorWritesInsideItsSubtreeOnlyAndARefusedBatchStoresNothing() {
        replica.region("330502002", "朝阳街道");
        given().auth().oauth2(OPERATOR_HUZHOU).contentType(ContentType.JSON)
                .body(FundingRecordsTest.json("330502002", "YOUTH_LEAGUE_WORK", 2025, "\"20000.00\"", null))
                .post("/api/v1/funding").then().statusCode(201);
        // 杭州 (330100) is outside 湖州
        given().auth().oauth2(OPERATOR_HUZHOU).contentType(ContentType.JSON)
                .body(FundingRecordsTest.json("330102001", "YOUTH_LEAGUE_WORK", 2025, "\"20000.00\"", null))
                .post("/api/v1/funding").then().statusCode(403).body("detail", containsString("outside your region 330500"));
        given().auth().oauth2(OPERATOR_HUZHOU).contentType(ContentType.JSON).body("["
                        + FundingRecordsTest.json("330502003", "WOMENS_WORK", 2025, "\"1.00\"", null) + ","
                        + FundingRecordsTest.json("330102001", "WOMENS_WORK", 2025, "\"1.00\"", null) + "]")
                .post("/api/v1/funding/batch").then().statusCode(403).body("detail", startsWith("row 1: region 330102001"));
        given().auth().oauth2(OPERATOR_HUZHOU).contentType(ContentType.JSON).body(Map.of("due", "10.00", "collected", "10.00"))
                .put("/api/v1/union-fees/330102/2025").then().statusCode(403);
        assertThat(rows("330102001")).isZero();
        assertThat(rows("330502003")).isZero();
    }

    @Test
    void aListWithoutARegionIsNarrowedToTheCallersSubtree() {
        replica.region("330503001", "东迁街道").region("330602001", "塔山街道");
        Api.fund("330503001", "OTHER", 2024, "5.00");
        Api.fund("330602001", "OTHER", 2024, "5.00");
        given().auth().oauth2(token("viewer", "330500")).queryParam("fiscalYear", 2024).queryParam("size", 500)
                .get("/api/v1/funding").then().statusCode(200).body("items.regionCode", everyItem(startsWith("3305")));
        given().auth().oauth2(token("viewer", "330500")).queryParam("regionCode", "330602001")
                .get("/api/v1/funding").then().statusCode(403);
        // the service identity reads the whole country: 湖州's records and 绍兴's
        int huzhou = given().auth().oauth2(token("viewer", "330500")).queryParam("fiscalYear", 2024)
                .get("/api/v1/funding").then().statusCode(200).extract().path("total");
        int country = given().auth().oauth2(TestTokens.service()).queryParam("fiscalYear", 2024)
                .get("/api/v1/funding").then().statusCode(200).extract().path("total");
        assertThat(country).isGreaterThan(huzhou);
    }

    @Test
    void theInternalEndpointsCheckTheCallerToo() {
        // the gateway forwards the caller's token: a viewer of 湖州 sees 湖州's verdicts, not 绍兴's
        replica.region("330500", "湖州市").region("330502", "吴兴区").region("330502001", "月河街道");
        given().auth().oauth2(token("viewer", "330500")).get("/internal/v1/compliance/regions/330502001?year=2025")
                .then().statusCode(200);
        given().auth().oauth2(token("viewer", "330500")).get("/internal/v1/compliance/regions/330602/rollup?year=2025")
                .then().statusCode(403);
        // the whole country's open items are the reminder job's, which calls with the service identity
        given().auth().oauth2(ADMIN).get("/internal/v1/compliance/open-items?dueFrom=2025-01-01&dueTo=2025-12-31")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.service()).get("/internal/v1/compliance/open-items?dueFrom=2025-01-01&dueTo=2025-12-31")
                .then().statusCode(200);
    }

    @Test
    void everyWriteIsInTheAuditTrailWithWhoWhatAndTheChange() throws SQLException {
        replica.region("330521", "德清县").region("330521001", "武康街道");
        String id = given().auth().oauth2(OPERATOR_HUZHOU).contentType(ContentType.JSON)
                .body(FundingRecordsTest.json("330521001", "WOMENS_WORK", 2025, "\"300.50\"", "湖财〔2025〕1号"))
                .post("/api/v1/funding").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OPERATOR_HUZHOU).delete("/api/v1/funding/" + id).then().statusCode(204);
        given().auth().oauth2(OPERATOR_HUZHOU).contentType(ContentType.JSON).body(Map.of("due", "100.00", "collected", "90.00"))
                .put("/api/v1/union-fees/330521/2025").then().statusCode(200);
        given().auth().oauth2(OPERATOR_HUZHOU).contentType(ContentType.JSON).body(Map.of("due", "100.00", "collected", "99.00"))
                .put("/api/v1/union-fees/330521/2025").then().statusCode(200);

        JsonPath trail = given().auth().oauth2(token("admin", "330521")).queryParam("limit", 50)
                .get("/internal/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(trail.getList("items.action")).containsExactly("UPDATE", "CREATE", "DELETE", "CREATE");
        assertThat(trail.getList("items.actor")).containsOnly("li.si@330500");
        assertThat(trail.getList("items.service")).containsOnly("funding");
        assertThat(trail.getString("items[3].entity")).isEqualTo("funding-record");
        assertThat(trail.getString("items[3].entityId")).isEqualTo(id);
        assertThat(trail.getString("items[3].regionCode")).isEqualTo("330521001");
        assertThat(trail.getString("items[3].change.after.amount")).isEqualTo("300.50");
        assertThat(trail.getString("items[2].change.before.documentRef")).isEqualTo("湖财〔2025〕1号");
        assertThat(trail.getString("items[0].change.before.collected")).isEqualTo("90.00");
        assertThat(trail.getString("items[0].change.after.collected")).isEqualTo("99.00");

        // a refused write leaves no event; an operator may not read the trail
        given().auth().oauth2(token("operator", "330521")).contentType(ContentType.JSON)
                .body(FundingRecordsTest.json("330102001", "WOMENS_WORK", 2025, "\"1.00\"", null))
                .post("/api/v1/funding").then().statusCode(403);
        given().auth().oauth2(token("operator", "330521")).get("/internal/v1/audit?limit=50").then().statusCode(403);
        assertThat(given().auth().oauth2(token("admin", "330521")).get("/internal/v1/audit?limit=50").then()
                .extract().jsonPath().getList("items")).hasSize(4);

        // append-only, whoever tries
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET actor = 'x'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event")).hasMessageContaining("append-only");
        }
    }

    private int rows(String region) {
        return given().auth().oauth2(ADMIN).queryParam("regionCode", region).get("/api/v1/funding").then().statusCode(200)
                .extract().path("total");
    }
}
