package luoshi.funding;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static luoshi.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import luoshi.db.Database;
import luoshi.db.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API.md "Corrections" for funding-service: GET and PUT /api/v1/funding/{id}, DELETE /api/v1/union-fees/{code}/{year};
 * each authorised like the write it corrects, audited with {before, after}, and seen by the next verdict. On 新昌县
 * (330624)'s townships 澄潭街道 and 回山镇, 上虞区 (330604)'s fees of 2024, and 湖州 (330500) as a region outside 绍兴.
 */
@QuarkusTest
class FundingCorrectionsTest {

    static final String OPERATOR_SHAOXING = token("operator", "330600", "zhang.san@330600");

    @Inject
    Database db;

    @Inject
    ReplicaRows replica;

    @BeforeEach
    void regions() {
        replica.region("330624004", "澄潭街道").region("330624104", "回山镇").region("330604", "上虞区")
                .region("330502001", "月河街道");
    }

    static String record(String region, String amount) {
        return FundingRecordsTest.json(region, "YOUTH_LEAGUE_WORK", 2025, "\"" + amount + "\"", "绍市财〔2025〕12号");
    }

    /** The audit events of one entity, oldest first: each {action, change}. */
    List<JsonPath> events(String entity, String entityId) {
        return db.list(Sql.of("SELECT action, change_json FROM audit_event WHERE entity = :entity AND entity_id = :id ORDER BY id")
                .bind("entity", entity).bind("id", entityId),
                rs -> JsonPath.from("{\"action\":\"" + rs.getString(1) + "\",\"change\":" + rs.getString(2) + "}"));
    }

    @Test
    void correctingTheAmountFrom19999_99To20000_00TurnsTheYouthLeagueVerdictAtTheNextRead() {
        String id = given().auth().oauth2(OPERATOR_SHAOXING).contentType(ContentType.JSON).body(record("330624004", "19999.99"))
                .post("/api/v1/funding").then().statusCode(201).extract().path("id");
        for (int asked = 0; asked < 2; asked++) {   // the second answer is the one kept for this data version
            assertThat(Api.item("330624004", 2025, FundingRequirementsTest.AFTER_DUE, FundingRequirementsTest.YOUTH))
                    .containsEntry("status", "NON_COMPLIANT").containsEntry("actual", "19999.99");
        }

        given().auth().oauth2(OPERATOR_SHAOXING).contentType(ContentType.JSON).body(record("330624004", "20000.00"))
                .put("/api/v1/funding/" + id).then().statusCode(200)
                .body("id", is(id)).body("regionCode", is("330624004")).body("category", is("YOUTH_LEAGUE_WORK"))
                .body("fiscalYear", is(2025)).body("amount", is("20000.00")).body("documentRef", is("绍市财〔2025〕12号"));

        assertThat(Api.item("330624004", 2025, FundingRequirementsTest.AFTER_DUE, FundingRequirementsTest.YOUTH))
                .containsEntry("status", "COMPLIANT").containsEntry("actual", "20000.00");
        given().auth().oauth2(OPERATOR_SHAOXING).get("/api/v1/funding/" + id).then().statusCode(200)
                .body("amount", is("20000.00")).body("regionCode", is("330624004"));
        assertThat(FundingRecordsTest.count("330624004", 2025)).isEqualTo(1);

        List<JsonPath> events = events("funding-record", id);
        assertThat(events).extracting(e -> e.getString("action")).containsExactly("CREATE", "UPDATE");
        JsonPath update = events.get(1);
        assertThat(update.getString("change.before.amount")).isEqualTo("19999.99");
        assertThat(update.getString("change.after.amount")).isEqualTo("20000.00");
        assertThat(update.getString("change.before.regionCode")).isEqualTo("330624004");
        assertThat(update.getString("change.after.id")).isEqualTo(id);
    }

    @Test
    void aRecordMovedToAnotherTownshipCountsThereAndNoLongerWhereItWas() {
        String id = Api.fund("330624104", "WOMENS_WORK", 2024, "300.00");
        given().auth().oauth2(OPERATOR_SHAOXING).contentType(ContentType.JSON)
                .body(FundingRecordsTest.json("330624004", "WOMENS_WORK", 2024, "300", null))
                .put("/api/v1/funding/" + id).then().statusCode(200).body("regionCode", is("330624004"))
                .body("documentRef", is((String) null));
        assertThat(FundingRecordsTest.count("330624104", 2024)).isZero();
        given().auth().oauth2(ADMIN).queryParam("regionCode", "330624004").queryParam("fiscalYear", 2024).get("/api/v1/funding")
                .then().body("items.id", contains(id)).body("items.amount", contains("300.00"));
    }

    @Test
    void anInvalidCorrectionIsA400NamingTheFieldAndChangesNothing() {
        String id = Api.fund("330624104", "YOUTH_LEAGUE_WORK", 2023, "19999.99");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(record("330624104", "0"))
                .put("/api/v1/funding/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("amount"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(FundingRecordsTest.json("000000", "PARTY_WORK", 2023, "\"1.001\"", null))
                .put("/api/v1/funding/" + id).then().statusCode(400)
                .body("violations.field", contains("category"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(FundingRecordsTest.json("000000", "OTHER", 2023, "\"1.001\"", null))
                .put("/api/v1/funding/" + id).then().statusCode(400)
                .body("violations.field", contains("amount", "regionCode"));
        given().auth().oauth2(ADMIN).get("/api/v1/funding/" + id).then().statusCode(200)
                .body("amount", is("19999.99")).body("regionCode", is("330624104")).body("category", is("YOUTH_LEAGUE_WORK"));
        assertThat(events("funding-record", id)).extracting(e -> e.getString("action")).containsExactly("CREATE");
    }

    @Test
    void aCorrectionIsAuthorisedInTheRecordsRegionAndInTheNewOne() {
        String id = given().auth().oauth2(OPERATOR_SHAOXING).contentType(ContentType.JSON).body(record("330624104", "500.00"))
                .post("/api/v1/funding").then().statusCode(201).extract().path("id");
        // moving it to 湖州's 月河街道, outside the operator's 绍兴: 403, even though the region exists
        given().auth().oauth2(OPERATOR_SHAOXING).contentType(ContentType.JSON).body(record("330502001", "500.00"))
                .put("/api/v1/funding/" + id).then().statusCode(403).contentType("application/problem+json");
        // an operator of 湖州 may neither read nor correct 绍兴's record, not even into 湖州
        String huzhou = token("operator", "330500");
        given().auth().oauth2(huzhou).get("/api/v1/funding/" + id).then().statusCode(403);
        given().auth().oauth2(huzhou).contentType(ContentType.JSON).body(record("330502001", "500.00"))
                .put("/api/v1/funding/" + id).then().statusCode(403);
        // a viewer of 绍兴 reads it but does not correct it
        given().auth().oauth2(token("viewer", "330600")).get("/api/v1/funding/" + id).then().statusCode(200)
                .body("amount", is("500.00"));
        given().auth().oauth2(token("viewer", "330600")).contentType(ContentType.JSON).body(record("330624104", "600.00"))
                .put("/api/v1/funding/" + id).then().statusCode(403);

        given().auth().oauth2(ADMIN).get("/api/v1/funding/" + id).then().statusCode(200)
                .body("regionCode", is("330624104")).body("amount", is("500.00"));
        assertThat(events("funding-record", id)).hasSize(1);
    }

    @Test
    void anUnknownRecordIsA404() {
        given().auth().oauth2(ADMIN).get("/api/v1/funding/999999999").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/v1/funding/not-a-number").then().statusCode(404);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(record("330624104", "1.00"))
                .put("/api/v1/funding/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unionFeesDeletedAreGoneFromTheVerdictAndASecondDeleteIsA404() {
        Api.unionFees("330604", 2024, "800000.00", "800000.00");
        for (int asked = 0; asked < 2; asked++) {
            assertThat(Api.item("330604", 2024, FundingRequirementsTest.AFTER_DUE, FundingRequirementsTest.UNION))
                    .containsEntry("status", "COMPLIANT");
        }
        given().auth().oauth2(token("operator", "330500")).delete("/api/v1/union-fees/330604/2024").then().statusCode(403);
        given().auth().oauth2(token("viewer", "330600")).delete("/api/v1/union-fees/330604/2024").then().statusCode(403);

        given().auth().oauth2(OPERATOR_SHAOXING).delete("/api/v1/union-fees/330604/2024").then().statusCode(204);
        given().auth().oauth2(ADMIN).get("/api/v1/union-fees/330604/2024").then().statusCode(404);
        assertThat(Api.item("330604", 2024, FundingRequirementsTest.AFTER_DUE, FundingRequirementsTest.UNION))
                .containsEntry("status", "NO_DATA");
        given().auth().oauth2(OPERATOR_SHAOXING).delete("/api/v1/union-fees/330604/2024").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).delete("/api/v1/union-fees/3306/2024").then().statusCode(400)
                .body("violations.field", contains("regionCode"));

        List<JsonPath> events = events("union-fees", "330604/2024");
        assertThat(events).extracting(e -> e.getString("action")).containsExactly("CREATE", "DELETE");
        assertThat(events.get(1).getString("change.before.collected")).isEqualTo("800000.00");
        assertThat(events.get(1).getString("change.after")).isNull();
    }
}
