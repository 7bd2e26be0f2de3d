package luoshi.system;

import static luoshi.system.PublicApi.as;
import static luoshi.system.PublicApi.region;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #27, "It must show", through the gateway's public API only: a third party (the role assessor) records that
 * 799 of 1,000 people asked in 回山镇 (330624104, a township of 新昌县 no other system test uses) were satisfied, against
 * a minShare of 0.8 set on the township itself (so that no other test's region changes verdict): MASS_SATISFACTION is
 * NON_COMPLIANT; corrected to 800 it is COMPLIANT (REQUIREMENTS.md, "Additions (third wave)": shares compared exactly).
 * The assessor's other writes (funding, an organisation) are 403 and write nothing; the evaluation scores the
 * township's SATISFACTION dimension from the same verdict.
 */
class SatisfactionAssessmentTest {

    static final String COUNTY = "330624";
    static final String TOWNSHIP = "330624104";
    static final String AS_OF = "2026-01-15";
    static final String ASSESSOR = TestTokens.token("assessor", COUNTY, "浙江省统计局民意调查中心");

    @BeforeAll
    static void regions() {
        LuoshiSystem.get();
        region("330000", "浙江省", "PROVINCE", null);
        region("330600", "绍兴市", "CITY", "330000");
        region(COUNTY, "新昌县", "COUNTY", "330600");
        region(TOWNSHIP, "回山镇", "TOWNSHIP", COUNTY);
    }

    private static String assessment(int satisfied) {
        return "{\"regionCode\":\"" + TOWNSHIP + "\",\"year\":2025,\"assessor\":\"浙江省统计局民意调查中心\",\"method\":\"SURVEY\","
                + "\"respondents\":1000,\"satisfied\":" + satisfied + ",\"subject\":\"MASSES\",\"documentRef\":\"浙统民调〔2025〕31号\"}";
    }

    private static Object status() {
        return PublicApi.item(TOWNSHIP, 2025, AS_OF, "MASS_SATISFACTION").get("status");
    }

    @Test
    void anAssessorRecords799Of1000AgainstMinShare08AndCorrectsItTo800AndWritesNothingElse() {
        assertThat(status()).isEqualTo("NOT_APPLICABLE");
        as(TestTokens.ADMIN).body(Map.of("minShare", "0.8")).put("/api/v1/requirements/MASS_SATISFACTION/parameters/" + TOWNSHIP)
                .then().statusCode(200);
        assertThat(status()).isEqualTo("NO_DATA");

        String id = as(ASSESSOR).body(assessment(799)).post("/api/v1/assessments").then().statusCode(201)
                .body("satisfied", is(799)).body("version", is(1)).extract().path("id");
        Map<String, Object> missed = PublicApi.item(TOWNSHIP, 2025, AS_OF, "MASS_SATISFACTION");
        assertThat(missed).containsEntry("status", "NON_COMPLIANT").containsEntry("expected", "0.8")
                .containsEntry("actual", "0.7990 (799 of 1000)");

        as(ASSESSOR).header("If-Match", "\"1\"").body(assessment(800)).put("/api/v1/assessments/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("satisfied", is(800));
        assertThat(status()).isEqualTo("COMPLIANT");
        as(ASSESSOR).header("If-Match", "\"1\"").body(assessment(1)).put("/api/v1/assessments/" + id).then().statusCode(412)
                .header("ETag", "\"2\"");
        as(ASSESSOR).get("/api/v1/assessments/" + id).then().statusCode(200).body("satisfied", is(800));

        // a third party holds no other write
        long audit = PublicApi.auditTotal();
        as(ASSESSOR).body("{\"regionCode\":\"" + TOWNSHIP + "\",\"category\":\"YOUTH_LEAGUE_WORK\",\"fiscalYear\":2025,"
                + "\"amount\":\"20000.00\"}").post("/api/v1/funding").then().statusCode(403);
        as(ASSESSOR).body("{\"regionCode\":\"" + TOWNSHIP + "\",\"type\":\"UNION\",\"name\":\"回山镇总工会\"}")
                .post("/api/v1/organizations").then().statusCode(403);
        as(ASSESSOR).body(Map.of("minShare", "0.9")).put("/api/v1/requirements/MASS_SATISFACTION/parameters/" + TOWNSHIP)
                .then().statusCode(403);
        assertThat(PublicApi.auditTotal()).isEqualTo(audit);

        // the evaluation scores the township's satisfaction from the same verdict: its one counted item is met
        as(TestTokens.ADMIN).get("/api/v1/evaluation/" + TOWNSHIP + "?year=2025&asOf=" + AS_OF).then().statusCode(200)
                .body("regionCode", is(TOWNSHIP)).body("dimensions.SATISFACTION", is(100.0f)).body("incomplete.size()", is(0));
    }
}
