package luoshi.system;

import static io.restassured.RestAssured.given;
import static luoshi.system.PublicApi.region;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two second-wave rules at their boundaries, through the gateway's public API only (REQUIREMENTS.md, "Refinements
 * and additions (second wave)"; issue 16, "It must show"), in townships of 新昌县 (330624) that no other system test
 * uses. Both are state rules: evaluated on {@code asOf} (2026-06-30 here, inside the year 2026).
 *
 * <p>TOWNSHIP_FULL_TIME_HEADS, the union (SHAOXING-2015 item 27: 由同级党委组成人员兼任工会主席的，应配专职副主席): a
 * PART_TIME head who is a member of the township's party committee meets the rule only with a FULL_TIME deputy in
 * office on the evaluation date.
 *
 * <p>ORGANIZATION_COVERAGE (SHAOXING-2015 item 10; CENTRAL-2015 §9: 扩大群团组织覆盖面): for each of UNION, YOUTH_LEAGUE and
 * WOMENS_FEDERATION, the share of the township's villages with one is at least minShare; none set: NOT_APPLICABLE; no
 * villages: NO_DATA. The minShare is set on the townships themselves, so that no other test's township changes verdict.
 */
class SecondWaveRulesTest {

    static final int YEAR = 2026;
    static final String AS_OF = "2026-06-30";
    static final String HEADS = "TOWNSHIP_FULL_TIME_HEADS";
    static final String COVERAGE = "ORGANIZATION_COVERAGE";
    static final String COUNTY = "330624";

    static LuoshiSystem system;

    @BeforeAll
    static void start() {
        system = LuoshiSystem.get();
        region("330000", "浙江省", "PROVINCE", null);
        region("330600", "绍兴市", "CITY", "330000");
        region(COUNTY, "新昌县", "COUNTY", "330600");
    }

    static RequestSpecification api() {
        return given().baseUri(system.gateway().toString()).auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON);
    }

    @Test
    void aPartTimeUnionHeadOfThePartyCommitteeNeedsAFullTimeDeputyInOffice() {
        // 小将镇: the deputy takes office on 03-01; the day before, the head alone does not meet the rule
        String withDeputy = township("330624107", "小将镇");
        long union = unionWithOtherHeads(withDeputy, "小将镇");
        leader(union, "王建国", "HEAD", "PART_TIME", true, "2026-01-01", null);
        leader(union, "李红", "DEPUTY", "FULL_TIME", null, "2026-03-01", null);
        assertThat(item(withDeputy, "2026-06-30", HEADS)).containsEntry("status", "COMPLIANT");
        assertThat(item(withDeputy, "2026-03-01", HEADS)).containsEntry("status", "COMPLIANT");
        assertThat(item(withDeputy, "2026-02-28", HEADS)).containsEntry("status", "NON_COMPLIANT");

        // 沙溪镇: the deputy's tenure ended the day before the evaluation date
        String deputyGone = township("330624108", "沙溪镇");
        union = unionWithOtherHeads(deputyGone, "沙溪镇");
        leader(union, "张伟", "HEAD", "PART_TIME", true, "2026-01-01", null);
        leader(union, "赵丽", "DEPUTY", "FULL_TIME", null, "2026-01-01", "2026-06-29");
        assertThat(item(deputyGone, AS_OF, HEADS)).containsEntry("status", "NON_COMPLIANT");
        assertThat(item(deputyGone, "2026-06-29", HEADS)).containsEntry("status", "COMPLIANT");

        // 镜岭镇: a PART_TIME head who is not of the party committee, even with a FULL_TIME deputy
        String notMember = township("330624109", "镜岭镇");
        union = unionWithOtherHeads(notMember, "镜岭镇");
        leader(union, "刘强", "HEAD", "PART_TIME", false, "2026-01-01", null);
        leader(union, "陈静", "DEPUTY", "FULL_TIME", null, "2026-01-01", null);
        assertThat(item(notMember, AS_OF, HEADS)).containsEntry("status", "NON_COMPLIANT");

        // 儒岙镇: the head of the party committee, but the deputy is PART_TIME
        String partTimeDeputy = township("330624110", "儒岙镇");
        union = unionWithOtherHeads(partTimeDeputy, "儒岙镇");
        leader(union, "杨帆", "HEAD", "PART_TIME", true, "2026-01-01", null);
        leader(union, "黄敏", "DEPUTY", "PART_TIME", null, "2026-01-01", null);
        assertThat(item(partTimeDeputy, AS_OF, HEADS)).containsEntry("status", "NON_COMPLIANT");
    }

    @Test
    void villageCoverageExactlyAtMinShareIsMetBelowItNotAndATownshipWithoutVillagesHasNoData() {
        String township = township("330624112", "沃洲镇");
        List<String> villages = List.of("330624112201", "330624112202", "330624112203", "330624112204");
        for (int i = 0; i < villages.size(); i++) {
            region(villages.get(i), "沃洲" + (i + 1) + "村", "VILLAGE", township);
        }
        // each type in exactly 3 of the 4 villages: 3 ÷ 4 = 0.75
        organization(villages.get(0), "UNION", "沃洲1村工会");
        organization(villages.get(1), "UNION", "沃洲2村工会");
        organization(villages.get(2), "UNION", "沃洲3村工会");
        long youthOfVillage2 = organization(villages.get(1), "YOUTH_LEAGUE", "沃洲2村团支部");
        organization(villages.get(2), "YOUTH_LEAGUE", "沃洲3村团支部");
        organization(villages.get(3), "YOUTH_LEAGUE", "沃洲4村团支部");
        organization(villages.get(0), "WOMENS_FEDERATION", "沃洲1村妇联");
        organization(villages.get(2), "WOMENS_FEDERATION", "沃洲3村妇联");
        organization(villages.get(3), "WOMENS_FEDERATION", "沃洲4村妇联");
        organization(villages.get(3), "RED_CROSS", "沃洲4村红十字会");   // another type changes nothing

        // the seed catalog sets no minShare
        assertThat(item(township, AS_OF, COVERAGE)).containsEntry("requirementId", COVERAGE)
                .containsEntry("status", "NOT_APPLICABLE");

        minShare(township, "0.75");
        Map<String, Object> atThreshold = item(township, AS_OF, COVERAGE);
        assertThat(atThreshold).containsEntry("requirementId", COVERAGE).containsEntry("status", "COMPLIANT")
                .containsEntry("expected", "0.75");

        // the youth league now in 2 of 4 villages: 0.5 < 0.75; the evidence names the villages without one
        api().delete("/api/v1/organizations/" + youthOfVillage2).then().statusCode(204);
        Map<String, Object> below = item(township, AS_OF, COVERAGE);
        assertThat(below).containsEntry("requirementId", COVERAGE).containsEntry("status", "NON_COMPLIANT")
                .containsEntry("expected", "0.75");
        String evidence = String.valueOf(below.get("evidence"));
        assertThat(evidence).as("evidence names 沃洲1村 and 沃洲2村 (no youth league)")
                .containsAnyOf(villages.get(0), "沃洲1村").containsAnyOf(villages.get(1), "沃洲2村");

        // 城南乡 has no villages: nothing to share
        String bare = township("330624200", "城南乡");
        minShare(bare, "0.75");
        assertThat(item(bare, AS_OF, COVERAGE)).containsEntry("requirementId", COVERAGE).containsEntry("status", "NO_DATA");
    }

    /** The township's youth league and women's federation led by FULL_TIME heads; answers its union. */
    private static long unionWithOtherHeads(String township, String name) {
        leader(organization(township, "YOUTH_LEAGUE", name + "团委"), "周洁", "HEAD", "FULL_TIME", null, "2026-01-01", null);
        leader(organization(township, "WOMENS_FEDERATION", name + "妇联"), "吴芳", "HEAD", "FULL_TIME", null, "2026-01-01", null);
        return organization(township, "UNION", name + "总工会");
    }

    private static void minShare(String region, String share) {
        api().body(Map.of("minShare", share)).put("/api/v1/requirements/" + COVERAGE + "/parameters/" + region).then()
                .statusCode(200);
    }

    private static String township(String code, String name) {
        region(code, name, "TOWNSHIP", COUNTY);
        return code;
    }

    private static long organization(String region, String type, String name) {
        return api().body(Map.of("regionCode", region, "type", type, "name", name)).post("/api/v1/organizations").then()
                .statusCode(201).extract().<Number>path("id").longValue();
    }

    /** A leader; {@code partyCommitteeMember} null: not sent (the API's default, false). */
    private static void leader(long organization, String name, String role, String employment, Boolean partyCommitteeMember,
            String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("role", role);
        body.put("employment", employment);
        body.put("frontline", false);
        if (partyCommitteeMember != null) {
            body.put("partyCommitteeMember", partyCommitteeMember);
        }
        body.put("from", from);
        body.put("to", to);
        api().body(body).post("/api/v1/organizations/" + organization + "/leaders").then().statusCode(201);
        if (partyCommitteeMember != null) {
            assertThat(api().get("/api/v1/organizations/" + organization + "/leaders").then().statusCode(200).extract().jsonPath()
                    .getList("items.partyCommitteeMember")).contains(partyCommitteeMember);
        }
    }

    /** The item of one requirement for the region in 2026, evaluated on asOf. */
    private static Map<String, Object> item(String region, String asOf, String requirementId) {
        return PublicApi.item(region, YEAR, asOf, requirementId);
    }
}
