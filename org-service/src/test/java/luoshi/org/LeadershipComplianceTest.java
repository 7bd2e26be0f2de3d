package luoshi.org;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static luoshi.org.OrganizationsTest.addLeader;
import static luoshi.org.OrganizationsTest.organization;
import static luoshi.org.RegionsTest.ensure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * TOWNSHIP_FULL_TIME_HEADS and FRONTLINE_SHARE at their boundaries: tenure ending 12-30 vs 12-31, a missing
 * organisation type, a township outside 330600, no threshold set, a share exactly at the threshold; and
 * the rollup and open items computed in SQL.
 */
@QuarkusTest
class LeadershipComplianceTest {

    private static final String HEADS = "TOWNSHIP_FULL_TIME_HEADS";
    private static final String SHARE = "FRONTLINE_SHARE";

    static JsonPath items(String region, int year, String asOf) {
        return given().auth().oauth2(ADMIN).queryParam("year", year).queryParam("asOf", asOf).get("/internal/v1/compliance/regions/" + region)
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> item(JsonPath items, String requirementId) {
        return items.getMap("items.find { it.requirementId == '" + requirementId + "' }");
    }

    /** A township with a union, youth league and women's federation, each led by a full-time head from 2020. */
    private static void threeFullTimeHeads(String township, String name, String womensHeadUntil) {
        long union = organization(township, "UNION", name + "总工会", null);
        long youth = organization(township, "YOUTH_LEAGUE", name + "团工委", null);
        long women = organization(township, "WOMENS_FEDERATION", name + "妇联", null);
        addLeader(union, "陈刚", "HEAD", "FULL_TIME", false, "2020-01-01", null).statusCode(201);
        addLeader(youth, "刘洋", "HEAD", "FULL_TIME", false, "2020-01-01", null).statusCode(201);
        addLeader(women, "周敏", "HEAD", "FULL_TIME", false, "2020-01-01", womensHeadUntil).statusCode(201);
    }

    private static void shengzhou() {
        RegionsTest.ensureShaoxing();
        ensure("330683", "嵊州市", "COUNTY", "330600");
    }

    @Test
    void aHeadWhoseTenureEndsOnDecember31CountsForThePastYearButOneEndingOnDecember30DoesNot() {
        shengzhou();
        ensure("330683001", "剡湖街道", "TOWNSHIP", "330683");
        ensure("330683002", "三江街道", "TOWNSHIP", "330683");
        threeFullTimeHeads("330683001", "剡湖街道", "2024-12-31");
        threeFullTimeHeads("330683002", "三江街道", "2024-12-30");

        Map<String, Object> until31 = item(items("330683001", 2024, "2026-11-22"), HEADS);
        assertThat(until31).containsEntry("status", "COMPLIANT").containsEntry("dueDate", "2024-12-31")
                .containsEntry("actual", "3 of 3 types met");
        Map<String, Object> until30 = item(items("330683002", 2024, "2026-11-22"), HEADS);
        assertThat(until30).containsEntry("status", "NON_COMPLIANT").containsEntry("actual", "2 of 3 types met");
        assertThat(notes(until30)).anyMatch(n -> n.contains("妇联") && n.contains("no HEAD in office on 2024-12-31"));
        // the current year is evaluated on asOf: on 2024-12-30 the head was still in office
        assertThat(item(items("330683002", 2024, "2024-12-30"), HEADS)).containsEntry("status", "COMPLIANT")
                .containsEntry("dueDate", "2024-12-30");
    }

    @Test
    void aMissingOrganisationTypeIsNonCompliantWithEvidence() {
        shengzhou();
        ensure("330683003", "鹿山街道", "TOWNSHIP", "330683");
        long union = organization("330683003", "UNION", "鹿山街道总工会", null);
        long youth = organization("330683003", "YOUTH_LEAGUE", "鹿山街道团工委", null);
        addLeader(union, "吴军", "HEAD", "FULL_TIME", false, "2021-01-01", null).statusCode(201);
        addLeader(youth, "郑洁", "HEAD", "FULL_TIME", false, "2021-01-01", null).statusCode(201);
        Map<String, Object> item = item(items("330683003", 2025, "2026-11-22"), HEADS);
        assertThat(item).containsEntry("status", "NON_COMPLIANT").containsEntry("actual", "2 of 3 types met");
        assertThat(notes(item)).contains("no WOMENS_FEDERATION organisation in 330683003");
        assertThat(item.get("expected").toString()).contains("FULL_TIME HEAD");
    }

    @Test
    void theSameQuestionAfterEachWriteSeesTheWrite() {
        // answers are kept while org-service's data is unchanged (rule-core's ComplianceAnswers): an organisation, a
        // leader and a region's new name written between two identical questions all show in the second answer
        shengzhou();
        ensure("330683006", "仙岩镇", "TOWNSHIP", "330683");
        long union = organization("330683006", "UNION", "仙岩镇总工会", null);
        long youth = organization("330683006", "YOUTH_LEAGUE", "仙岩镇团委", null);
        addLeader(union, "王伟", "HEAD", "FULL_TIME", false, "2021-01-01", null).statusCode(201);
        addLeader(youth, "李娜", "HEAD", "FULL_TIME", false, "2021-01-01", null).statusCode(201);
        assertThat(item(items("330683006", 2025, "2026-11-22"), HEADS)).containsEntry("actual", "2 of 3 types met");
        assertThat(item(items("330683006", 2025, "2026-11-22"), HEADS)).containsEntry("actual", "2 of 3 types met");

        long women = organization("330683006", "WOMENS_FEDERATION", "仙岩镇妇联", null);
        assertThat(item(items("330683006", 2025, "2026-11-22"), HEADS)).containsEntry("actual", "2 of 3 types met");
        addLeader(women, "赵敏", "HEAD", "FULL_TIME", false, "2021-01-01", null).statusCode(201);
        assertThat(item(items("330683006", 2025, "2026-11-22"), HEADS)).containsEntry("status", "COMPLIANT")
                .containsEntry("actual", "3 of 3 types met");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"仙岩街道\",\"level\":\"TOWNSHIP\",\"parentCode\":\"330683\"}")
                .put("/api/v1/regions/330683006").then().statusCode(200);
        assertThat(items("330683006", 2025, "2026-11-22").getString("regionName")).isEqualTo("仙岩街道");
    }

    @Test
    void aPartTimeHeadIsNotEnough() {
        shengzhou();
        ensure("330683005", "浦口街道", "TOWNSHIP", "330683");
        threeFullTimeHeads("330683005", "浦口街道", null);
        long unionOnly = organization("330683005", "UNION", "浦口街道第二工会", null);
        addLeader(unionOnly, "孙磊", "HEAD", "PART_TIME", false, "2021-01-01", null).statusCode(201);
        assertThat(item(items("330683005", 2025, "2026-11-22"), HEADS)).containsEntry("status", "NON_COMPLIANT");
    }

    @Test
    void aTownshipOutsideShaoxingIsNotApplicable() {
        ensure("330000", "浙江省", "PROVINCE", null);
        ensure("330100", "杭州市", "CITY", "330000");
        ensure("330102", "上城区", "COUNTY", "330100");
        ensure("330102001", "清波街道", "TOWNSHIP", "330102");
        JsonPath items = items("330102001", 2025, "2026-11-22");
        assertThat(item(items, HEADS)).containsEntry("status", "NOT_APPLICABLE");
        assertThat(item(items, SHARE)).containsEntry("status", "NOT_APPLICABLE");
    }

    @Test
    void theFrontlineShareIsNotApplicableUntilAJurisdictionSetsOneAndCompliantExactlyAtIt() {
        RegionsTest.ensureShaoxing();
        ensure("330604", "上虞区", "COUNTY", "330600");
        ensure("330603", "柯桥区", "COUNTY", "330600");
        leaders("330604", "上虞区", 1, 4);
        leaders("330603", "柯桥区", 1, 5);
        assertThat(item(items("330604", 2025, "2026-11-22"), SHARE)).containsEntry("status", "NOT_APPLICABLE");

        for (String county : List.of("330604", "330603")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minShare\":\"0.25\"}")
                    .put("/api/v1/requirements/" + SHARE + "/parameters/" + county).then().statusCode(200);
        }
        assertThat(item(items("330604", 2025, "2026-11-22"), SHARE)).containsEntry("status", "COMPLIANT")
                .containsEntry("expected", "0.25").containsEntry("actual", "0.2500 (1 of 4)");
        assertThat(item(items("330603", 2025, "2026-11-22"), SHARE)).containsEntry("status", "NON_COMPLIANT")
                .containsEntry("actual", "0.2000 (1 of 5)");
        assertThat(notes(item(items("330603", 2025, "2026-11-22"), SHARE))).hasSize(5).anyMatch(n -> n.endsWith("frontline"));
    }

    /** {@code frontline} of {@code total} leaders across the county's union, youth league and women's federation. */
    private static void leaders(String county, String name, int frontline, int total) {
        long union = organization(county, "UNION", name + "总工会", null);
        long women = organization(county, "WOMENS_FEDERATION", name + "妇联", null);
        for (int i = 0; i < total; i++) {
            addLeader(i % 2 == 0 ? union : women, name + "干部" + i, i == 0 ? "HEAD" : "MEMBER", "PART_TIME", i < frontline,
                    "2023-01-01", null).statusCode(201);
        }
    }

    @Test
    void theRollupCountsPerChildAndPerRequirementOverTheSubtree() {
        RegionsTest.ensureShaoxing();
        ensure("330681", "诸暨市", "COUNTY", "330600");
        ensure("330681001", "暨阳街道", "TOWNSHIP", "330681");
        ensure("330681002", "浣东街道", "TOWNSHIP", "330681");
        threeFullTimeHeads("330681001", "暨阳街道", null);

        JsonPath rollup = given().auth().oauth2(ADMIN).queryParam("year", 2025).queryParam("asOf", "2026-11-22")
                .get("/internal/v1/compliance/regions/330681/rollup").then().statusCode(200).extract().jsonPath();
        // requirements beyond the two of this test (ORGANIZATION_COVERAGE, with no minShare set): NOT_APPLICABLE here
        int others = given().auth().oauth2(ADMIN).get("/internal/v1/compliance/requirements").then().extract()
                .<Integer>path("items.size()") - 2;
        assertThat(rollup.getMap("children.find { it.regionCode == '330681001' }.counts"))
                .containsEntry("COMPLIANT", 1).containsEntry("NOT_APPLICABLE", 1 + others).containsEntry("NON_COMPLIANT", 0);
        assertThat(rollup.getMap("children.find { it.regionCode == '330681002' }.counts"))
                .containsEntry("NON_COMPLIANT", 1).containsEntry("NOT_APPLICABLE", 1 + others);
        assertThat(rollup.getString("children.find { it.regionCode == '330681001' }.regionName")).isEqualTo("暨阳街道");
        // the county itself: FRONTLINE_SHARE with no threshold, TOWNSHIP_FULL_TIME_HEADS not of its level
        int townships = rollup.getList("children").size();
        assertThat(rollup.getInt("counts.COMPLIANT")).isEqualTo(1);
        assertThat(rollup.getInt("counts.NON_COMPLIANT")).isEqualTo(townships - 1);
        assertThat(rollup.getInt("counts.NOT_APPLICABLE")).isEqualTo(townships + 2 + (townships + 1) * others);
        assertThat(rollup.getInt("byRequirement.find { it.requirementId == 'TOWNSHIP_FULL_TIME_HEADS' }.counts.COMPLIANT"))
                .isEqualTo(1);
        assertThat(rollup.getInt("byRequirement.find { it.requirementId == 'FRONTLINE_SHARE' }.counts.NOT_APPLICABLE"))
                .isEqualTo(townships + 1);
    }

    @Test
    void openItemsListTheNonCompliantRegionsOfTheCountry() {
        RegionsTest.ensureShaoxing();
        ensure("330624", "新昌县", "COUNTY", "330600");
        ensure("330624104", "回山镇", "TOWNSHIP", "330624");
        given().auth().oauth2(TestTokens.service()).queryParam("asOf", "2026-11-22").queryParam("dueFrom", "2026-11-01").queryParam("dueTo", "2026-11-30")
                .queryParam("size", 500).get("/internal/v1/compliance/open-items").then().statusCode(200)
                .body("items.regionCode", hasItem("330624104"))
                .body("items.find { it.regionCode == '330624104' }.status", is("NON_COMPLIANT"))
                .body("items.find { it.regionCode == '330624104' }.dueDate", is("2026-11-22"));
        given().auth().oauth2(TestTokens.service()).queryParam("asOf", "2026-11-22").queryParam("dueFrom", "2026-12-01").queryParam("dueTo", "2026-12-31")
                .get("/internal/v1/compliance/open-items").then().statusCode(200).body("total", is(0));
    }

    @Test
    void theCatalogHoldsBothLeadershipRequirements() {
        given().auth().oauth2(ADMIN).get("/api/v1/requirements").then().statusCode(200)
                .body("items.id", hasItem(HEADS)).body("items.id", hasItem(SHARE))
                .body("items.find { it.id == 'TOWNSHIP_FULL_TIME_HEADS' }.issuerRegionCode", is("330600"))
                .body("items.find { it.id == 'TOWNSHIP_FULL_TIME_HEADS' }.owner", is("org"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> notes(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("evidence")).stream().map(e -> String.valueOf(e.get("note"))).toList();
    }
}
