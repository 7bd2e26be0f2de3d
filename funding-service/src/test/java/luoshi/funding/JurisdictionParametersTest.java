package luoshi.funding;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** rule-core's catalog endpoints with funding-service's rule types (REQUIREMENTS.md, Jurisdiction parameters). */
@QuarkusTest
class JurisdictionParametersTest {

    static final String YOUTH = FundingRequirementsTest.YOUTH;

    @Inject
    ReplicaRows replica;

    @Test
    void aCountyRequiresMoreForItsTownshipsAndOthersKeepTheIssuersValue() {
        replica.region("330604", "上虞区").region("330604001", "百官街道").region("330604002", "曹娥街道")
                .region("330602011", "鉴湖街道");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minAmount\":\"25000.00\"}")
                .put("/api/v1/requirements/" + YOUTH + "/parameters/330604").then().statusCode(200)
                .body("regionCode", is("330604")).body("parameters.minAmount", is("25000.00"));
        Api.fund("330604001", "YOUTH_LEAGUE_WORK", 2025, "20000.00");
        Api.fund("330604002", "YOUTH_LEAGUE_WORK", 2025, "25000.00");
        Api.fund("330602011", "YOUTH_LEAGUE_WORK", 2025, "20000.00");

        assertThat(Api.item("330604001", 2025, "2026-01-01", YOUTH)).containsEntry("status", "NON_COMPLIANT")
                .containsEntry("expected", "25000.00");
        assertThat(Api.item("330604002", 2025, "2026-01-01", YOUTH)).containsEntry("status", "COMPLIANT");
        assertThat(Api.item("330602011", 2025, "2026-01-01", YOUTH)).containsEntry("status", "COMPLIANT")
                .containsEntry("expected", "20000.00");
        // the SQL rollup takes each township's own value too
        assertThat(Api.rollup("330604", 2025, "2026-01-01")
                .getMap("byRequirement.find { it.requirementId == '" + YOUTH + "' }.counts"))
                .isEqualTo(Map.of("COMPLIANT", 1, "PENDING", 0, "NON_COMPLIANT", 1, "NO_DATA", 0, "NOT_APPLICABLE", 1));
    }

    @Test
    void aLaxerValueIsRefusedNamingTheIssuersValue() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minAmount\":\"19999.00\"}")
                .put("/api/v1/requirements/" + YOUTH + "/parameters/330624").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", is("minAmount")).body("violations[0].message", containsString("20000.00"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"category\":\"OTHER\"}")
                .put("/api/v1/requirements/" + YOUTH + "/parameters/330624").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minAmount\":\"30000.00\"}")
                .put("/api/v1/requirements/" + YOUTH + "/parameters/320102").then().statusCode(400)
                .body("violations[0].field", is("regionCode"));
    }

    @Test
    void jiangsuAddsItsOwnRequirementOfThirtyThousandForItsTownships() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"id":"JIANGSU_TOWNSHIP_YOUTH_LEAGUE_FUNDING","title":"At least 30,000 CNY a year of youth league work funding per township",
                 "titleZh":"各乡镇（街道）每年不少于3万元共青团工作经费","source":"JIANGSU-2025","issuerRegionCode":"320000",
                 "levels":["TOWNSHIP"],"period":"YEAR",
                 "rule":{"type":"FUNDING_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"30000.00"}}""")
                .post("/api/v1/requirements").then().statusCode(201).body("owner", is("funding"));
        given().auth().oauth2(ADMIN).get("/api/v1/requirements").then().body("items.id", hasItem("JIANGSU_TOWNSHIP_YOUTH_LEAGUE_FUNDING"));
        replica.region("320102002", "梅园新村街道").region("320102003", "新街口街道").region("330602012", "斗门街道");
        Api.fund("320102002", "YOUTH_LEAGUE_WORK", 2025, "30000.00");
        Api.fund("320102003", "YOUTH_LEAGUE_WORK", 2025, "29999.99");

        String jiangsu = "JIANGSU_TOWNSHIP_YOUTH_LEAGUE_FUNDING";
        assertThat(Api.item("320102002", 2025, "2026-01-01", jiangsu)).containsEntry("status", "COMPLIANT")
                .containsEntry("expected", "30000.00");
        assertThat(Api.item("320102003", 2025, "2026-01-01", jiangsu)).containsEntry("status", "NON_COMPLIANT");
        assertThat(Api.item("320102003", 2025, "2026-01-01", YOUTH)).containsEntry("status", "NOT_APPLICABLE");
        assertThat(Api.item("330602012", 2025, "2026-01-01", jiangsu)).containsEntry("status", "NOT_APPLICABLE");
    }

    @Test
    void aNewRequirementWithABadRuleIsRefused() {
        String body = """
                {"id":"%s","title":"t","titleZh":"t","source":"s","issuerRegionCode":"320000","levels":["TOWNSHIP"],
                 "period":"YEAR","rule":%s}""";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body.formatted("BAD_AMOUNT",
                        "{\"type\":\"FUNDING_MIN_AMOUNT\",\"category\":\"YOUTH_LEAGUE_WORK\",\"minAmount\":\"-1\"}"))
                .post("/api/v1/requirements").then().statusCode(400).body("violations.field", hasItem("rule.minAmount"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body.formatted("BAD_CATEGORY",
                        "{\"type\":\"FUNDING_PER_CAPITA\",\"category\":\"PARTY\",\"perCapita\":\"1.00\"}"))
                .post("/api/v1/requirements").then().statusCode(400).body("violations.field", hasItem("rule.category"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body.formatted("BAD_RATE", "{\"type\":\"COLLECTION_RATE\",\"minRate\":\"1.5\"}"))
                .post("/api/v1/requirements").then().statusCode(400).body("violations.field", hasItem("rule.minRate"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body.formatted("OTHER_TYPE", "{\"type\":\"MEETING_COUNT\"}"))
                .post("/api/v1/requirements").then().statusCode(400).body("violations.field", hasItem("rule.type"));
        given().auth().oauth2(ADMIN).get("/api/v1/requirements").then().body("items.id", org.hamcrest.Matchers.not(hasItem("BAD_AMOUNT")));
    }
}
