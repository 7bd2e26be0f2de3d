package luoshi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import luoshi.testing.RegionsCsv;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system end to end, through the gateway only: the regions of Shaoxing (330600: 6
 * county-level units, 103 townships) from docs/data, facts written through the public API, and
 * the verdicts and rollups of requirements owned by each of the three services. The year is 2025,
 * evaluated on 2026-01-15: every 2025 due date has passed.
 */
// first after the generated client's check: its counts are the city's whole, and later classes write in Shaoxing
// (AuthorizationMatrixTest sets a parameter of TOWNSHIP_YOUTH_LEAGUE_FUNDING on 越城区, XlsxImportSystemTest funds
// townships of 新昌县)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShaoxingEndToEndTest {

    static final String AS_OF = "2026-01-15";
    static LuoshiSystem system;

    @BeforeAll
    static void start() {
        system = LuoshiSystem.get();
    }

    static RequestSpecification api() {
        return given().baseUri(system.gateway().toString()).auth().oauth2(TestTokens.ADMIN).contentType(ContentType.JSON);
    }

    @Test
    @Order(1)
    void importsTheRegionsOfShaoxingAsCsv() throws IOException {
        importRegionsOfShaoxing();

        api().get("/api/v1/regions/330602").then().statusCode(200)
                .body("name", is("越城区")).body("level", is("COUNTY")).body("parentCode", is("330600"));
        api().get("/api/v1/regions/330600/children?size=500").then().statusCode(200)
                .body("total", is(6)).body("items.code", hasItem("330602"));
        api().get("/api/v1/regions/330602/children?size=500").then().statusCode(200)
                .body("items.code", hasItem("330602001"));
    }

    @Test
    @Order(2)
    void writesFactsThroughTheGateway() {
        for (Map.Entry<String, Integer> p : Map.of("330600", 5_270_000, "330602", 527_600, "330602001", 30_000,
                "330602002", 25_000).entrySet()) {
            api().body(Map.of("total", p.getValue())).put("/api/v1/regions/" + p.getKey() + "/population/2025")
                    .then().statusCode(200).body("total", is(p.getValue()));
        }
        // funding-service: 越城区's first township meets both township money rules, the second misses by a cent
        funding("330602001", "YOUTH_LEAGUE_WORK", "20000.00");
        funding("330602001", "WOMENS_WORK", "30000.00");
        funding("330602002", "YOUTH_LEAGUE_WORK", "19999.99");
        funding("330602002", "WOMENS_WORK", "24999.99");
        // review-service: the city studied mass-organisation work in 2025, its counties did not
        api().body(Map.of("regionCode", "330600", "type", "STANDING_COMMITTEE_STUDY", "date", "2025-03-10",
                        "title", "市委常委会专题研究群团工作", "documentRef", "绍市委常〔2025〕3号"))
                .post("/api/v1/meetings").then().statusCode(201);
        api().body(Map.of("regionCode", "330600", "start", "2021-10-01", "end", "2026-09-30"))
                .post("/api/v1/committee-terms").then().statusCode(201);
        // org-service: the first township has full-time heads of its union, league and women's federation
        for (String type : List.of("UNION", "YOUTH_LEAGUE", "WOMENS_FEDERATION")) {
            String id = api().body(Map.of("regionCode", "330602001", "type", type, "name", "塔山街道" + type))
                    .post("/api/v1/organizations").then().statusCode(201).extract().path("id").toString();
            api().body(Map.of("name", "张" + type, "role", "HEAD", "employment", "FULL_TIME", "frontline", false,
                            "from", "2024-01-01"))
                    .post("/api/v1/organizations/" + id + "/leaders").then().statusCode(201);
        }
    }

    @Test
    @Order(3)
    void aTownshipsVerdictsComeFromAllThreeServices() {
        awaitCopiesOfOrgService();
        JsonPath first = compliance("330602001");
        assertThat(first.getList("incomplete")).isEmpty();
        assertItem(first, "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "COMPLIANT", "20000.00", "20000.00");
        assertItem(first, "WOMENS_WORK_PER_CAPITA_FUNDING", "COMPLIANT", "30000.00", "30000.00");
        assertThat(status(first, "TOWNSHIP_FULL_TIME_HEADS")).isEqualTo("COMPLIANT");
        assertThat(first.getList("items.findAll { it.requirementId == 'TOWNSHIP_YOUTH_LEAGUE_FUNDING' }[0].evidence"))
                .hasSize(1);

        JsonPath second = compliance("330602002");
        assertItem(second, "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "NON_COMPLIANT", "20000.00", "19999.99");
        assertItem(second, "WOMENS_WORK_PER_CAPITA_FUNDING", "NON_COMPLIANT", "25000.00", "24999.99");
        assertThat(status(second, "TOWNSHIP_FULL_TIME_HEADS")).isEqualTo("NON_COMPLIANT");
        // a township is not a committee's region: the meeting requirements do not apply to it
        assertThat(status(second, "ANNUAL_COMMITTEE_STUDY")).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    @Order(4)
    void theCitysVerdictsAndRollup() {
        JsonPath city = compliance("330600");
        assertThat(status(city, "ANNUAL_COMMITTEE_STUDY")).isEqualTo("COMPLIANT");
        // the 2021-2026 term's conference is due on 2026-09-30, after the evaluation date
        assertThat(status(city, "TERM_MASS_ORG_CONFERENCE")).isEqualTo("PENDING");
        assertThat(status(compliance("330602"), "ANNUAL_COMMITTEE_STUDY")).isEqualTo("NON_COMPLIANT");

        JsonPath rollup = api().get("/api/v1/compliance/330600/rollup?year=2025&asOf=" + AS_OF)
                .then().statusCode(200).extract().jsonPath();
        assertThat(rollup.getList("incomplete")).isEmpty();
        // 103 townships: one funded in full
        assertThat(byRequirement(rollup, "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "COMPLIANT")).isEqualTo(1);
        assertThat(byRequirement(rollup, "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "NON_COMPLIANT")).isEqualTo(102);
        // the city and its 6 county-level units: only the city studied
        assertThat(byRequirement(rollup, "ANNUAL_COMMITTEE_STUDY", "COMPLIANT")).isEqualTo(1);
        assertThat(byRequirement(rollup, "ANNUAL_COMMITTEE_STUDY", "NON_COMPLIANT")).isEqualTo(6);
        assertThat(rollup.getFloat("byRequirement.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.complianceRate"))
                .isEqualTo(0.1429f);
        assertThat(rollup.getList("children.regionCode")).hasSize(6).contains("330602");
        assertThat(rollup.getString("children.find { it.regionCode == '330602' }.regionName")).isEqualTo("越城区");
        // 越城区's subtree holds both funded townships: one compliant, the rest not
        assertThat(rollup.getInt("children.find { it.regionCode == '330602' }.counts.COMPLIANT")).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(5)
    void theFundingServicesCopyFollowsAChangeMadeInOrgService() {
        // no population yet for 北海街道 (330602004): the per-capita rule has no data
        assertThat(status(compliance("330602004"), "WOMENS_WORK_PER_CAPITA_FUNDING")).isEqualTo("NO_DATA");
        api().body(Map.of("total", 12_345)).put("/api/v1/regions/330602004/population/2025").then().statusCode(200);
        Poll.until("funding-service sees the new population", Duration.ofSeconds(30),
                () -> "NON_COMPLIANT".equals(status(compliance("330602004"), "WOMENS_WORK_PER_CAPITA_FUNDING")));
        assertItem(compliance("330602004"), "WOMENS_WORK_PER_CAPITA_FUNDING", "NON_COMPLIANT", "12345.00", "0.00");
    }

    /**
     * funding-service and review-service read regions and population from their own copies, which
     * follow org-service's change feed every second: wait until both have caught up with the facts
     * written above (the last population row, and the regions of the whole city) before asserting.
     */
    private static void awaitCopiesOfOrgService() {
        Poll.until("the copies of org-service's regions and population catch up", Duration.ofSeconds(30), () -> {
            JsonPath township = compliance("330602002");
            JsonPath rollup = api().get("/api/v1/compliance/330600/rollup?year=2025&asOf=" + AS_OF).then()
                    .statusCode(200).extract().jsonPath();
            Map<String, Integer> committees = rollup.getMap(
                    "byRequirement.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.counts");
            return !"NO_DATA".equals(status(township, "WOMENS_WORK_PER_CAPITA_FUNDING"))
                    && rollup.getList("children").size() == 6 && committees != null
                    && committees.get("COMPLIANT") + committees.get("NON_COMPLIANT") == 7;
        });
    }

    /** The regions of 浙江 and 绍兴 (its 6 county-level units and 103 townships) from docs/data, as CSV; idempotent. */
    static void importRegionsOfShaoxing() throws IOException {
        List<String> lines = Files.readAllLines(RegionsCsv.file(), StandardCharsets.UTF_8);
        String csv = lines.get(0) + "\n" + lines.stream().skip(1)
                .filter(l -> l.startsWith("330000,") || l.startsWith("3306"))
                .collect(Collectors.joining("\n")) + "\n";
        assertThat(csv.lines().count()).isEqualTo(1 + 1 + 1 + 6 + 103);

        given().baseUri(LuoshiSystem.get().gateway().toString()).auth().oauth2(TestTokens.token("operator", "000000"))
                .contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/regions/batch").then().statusCode(200);
    }

    private static void funding(String region, String category, String amount) {
        api().body(Map.of("regionCode", region, "category", category, "fiscalYear", 2025, "amount", amount,
                        "documentRef", "绍市财〔2025〕12号"))
                .post("/api/v1/funding").then().statusCode(201).body("amount", is(amount));
    }

    private static JsonPath compliance(String region) {
        return api().get("/api/v1/compliance/" + region + "?year=2025&asOf=" + AS_OF).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String status(JsonPath report, String requirement) {
        return report.getString("items.find { it.requirementId == '" + requirement + "' }.status");
    }

    private static void assertItem(JsonPath report, String requirement, String status, String expected, String actual) {
        String item = "items.find { it.requirementId == '" + requirement + "' }";
        assertThat(report.getString(item + ".status")).as(requirement).isEqualTo(status);
        assertThat(report.getString(item + ".expected")).as(requirement + " expected").isEqualTo(expected);
        assertThat(report.getString(item + ".actual")).as(requirement + " actual").isEqualTo(actual);
    }

    private static int byRequirement(JsonPath rollup, String requirement, String status) {
        return rollup.getInt("byRequirement.find { it.requirementId == '" + requirement + "' }.counts." + status);
    }
}
