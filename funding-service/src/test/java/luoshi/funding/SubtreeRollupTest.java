package luoshi.funding;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Counts over 柯桥区 (330603) and three of its townships, per child and per requirement, from the
 * SQL rollup; they agree with the items evaluated region by region; open items for the reminder job.
 */
@QuarkusTest
class SubtreeRollupTest {

    static final String COUNTY = "330603";
    static final List<String> TOWNSHIPS = List.of("330603001", "330603002", "330603003");

    @Inject
    ReplicaRows replica;

    void keqiao() {
        replica.region(COUNTY, "柯桥区").population(COUNTY, 2025, 600_000)
                .region("330603001", "柯桥街道").population("330603001", 2025, 50_000)
                .region("330603002", "柯岩街道").region("330603003", "华舍街道");
        if (given().auth().oauth2(ADMIN).queryParam("regionCode", COUNTY).get("/api/v1/funding").then().extract().<Integer>path("total") > 0) {
            return;   // both tests use the same facts
        }
        Api.fund(COUNTY, "WOMENS_WORK", 2025, "600000.00");
        Api.fund(COUNTY, "SCIENCE_ASSOCIATION_SPECIAL", 2025, "0.01");
        Api.unionFees(COUNTY, 2025, "100.00", "99.99");
        Api.fund("330603001", "YOUTH_LEAGUE_WORK", 2025, "20000.00");
        Api.fund("330603001", "WOMENS_WORK", 2025, "10.00");
        Api.fund("330603002", "YOUTH_LEAGUE_WORK", 2025, "19999.99");
    }

    static int requirementCount() {
        return given().auth().oauth2(ADMIN).get("/internal/v1/compliance/requirements").then().extract().path("items.size()");
    }

    @Test
    void countsPerChildAndPerRequirementOverTheSubtree() {
        keqiao();
        int others = requirementCount() - 4;   // requirements added by other tests: not applicable here
        JsonPath r = Api.rollup(COUNTY, 2025, "2025-06-30");
        assertThat(r.getString("regionName")).isEqualTo("柯桥区");
        assertThat(r.getMap("counts")).isEqualTo(Map.of("COMPLIANT", 3, "PENDING", 4, "NON_COMPLIANT", 0, "NO_DATA", 2,
                "NOT_APPLICABLE", 7 + 4 * others));
        assertThat(r.getList("children.regionCode")).containsExactlyElementsOf(TOWNSHIPS);
        assertThat(r.getMap("children.find { it.regionCode == '330603001' }.counts")).isEqualTo(Map.of("COMPLIANT", 1,
                "PENDING", 1, "NON_COMPLIANT", 0, "NO_DATA", 0, "NOT_APPLICABLE", 2 + others));
        assertThat(r.getString("children.find { it.regionCode == '330603002' }.regionName")).isEqualTo("柯岩街道");
        assertThat(r.getMap("children.find { it.regionCode == '330603002' }.counts")).isEqualTo(Map.of("COMPLIANT", 0,
                "PENDING", 1, "NON_COMPLIANT", 0, "NO_DATA", 1, "NOT_APPLICABLE", 2 + others));
        assertThat(r.getMap("byRequirement.find { it.requirementId == 'TOWNSHIP_YOUTH_LEAGUE_FUNDING' }.counts"))
                .isEqualTo(Map.of("COMPLIANT", 1, "PENDING", 2, "NON_COMPLIANT", 0, "NO_DATA", 0, "NOT_APPLICABLE", 1));
        assertThat(r.getMap("byRequirement.find { it.requirementId == 'UNION_FEES_FULL_COLLECTION' }.counts"))
                .isEqualTo(Map.of("COMPLIANT", 0, "PENDING", 1, "NON_COMPLIANT", 0, "NO_DATA", 0, "NOT_APPLICABLE", 3));
        assertThat(r.getList("warnings")).isEmpty();

        // the whole country: its children are the provinces; a Shaoxing requirement still counts Keqiao's facts
        JsonPath country = Api.rollup("000000", 2025, "2025-06-30");
        assertThat(country.getList("children.regionCode")).contains("330000");
        assertThat(country.getInt("children.find { it.regionCode == '330000' }.counts.COMPLIANT")).isGreaterThanOrEqualTo(3);

        JsonPath late = Api.rollup(COUNTY, 2025, "2026-01-01");
        assertThat(late.getInt("counts.PENDING")).isZero();
        assertThat(late.getInt("counts.NON_COMPLIANT")).isEqualTo(4);
    }

    @Test
    void theSqlRollupAgreesWithTheItemsOfEachRegion() {
        keqiao();
        for (String asOf : List.of("2025-06-30", "2026-01-01")) {
            for (String code : TOWNSHIPS) {
                List<String> statuses = Api.items(code, 2025, asOf).getList("items.status");
                Map<String, Integer> counted = Api.rollup(code, 2025, asOf).getMap("counts");
                for (String status : List.of("COMPLIANT", "PENDING", "NON_COMPLIANT", "NO_DATA", "NOT_APPLICABLE")) {
                    assertThat(counted.get(status)).as(code + " " + status + " " + asOf)
                            .isEqualTo((int) statuses.stream().filter(status::equals).count());
                }
            }
        }
    }

    @Test
    void openItemsListWhatIsPendingOrOverdueInTheDueWindow() {
        keqiao();
        JsonPath open = given().auth().oauth2(TestTokens.service()).queryParam("asOf", "2026-01-01").queryParam("dueFrom", "2025-12-31")
                .queryParam("dueTo", "2025-12-31").queryParam("size", 500)
                .get("/internal/v1/compliance/open-items").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = open.getList("items");
        assertThat(items).filteredOn(i -> ((String) i.get("regionCode")).startsWith(COUNTY))
                .extracting(i -> i.get("requirementId") + " " + i.get("regionCode") + " " + i.get("status"))
                .containsExactly(
                        "TOWNSHIP_YOUTH_LEAGUE_FUNDING 330603002 NON_COMPLIANT",
                        "TOWNSHIP_YOUTH_LEAGUE_FUNDING 330603003 NON_COMPLIANT",
                        "UNION_FEES_FULL_COLLECTION 330603 NON_COMPLIANT",
                        "WOMENS_WORK_PER_CAPITA_FUNDING 330603001 NON_COMPLIANT");
        assertThat(items).filteredOn(i -> "330603002".equals(i.get("regionCode"))).first()
                .satisfies(i -> assertThat(i).containsEntry("regionName", "柯岩街道").containsEntry("dueDate", "2025-12-31")
                        .containsEntry("periodStart", "2025-01-01"));
        assertThat(open.getInt("total")).isEqualTo(items.size());

        given().auth().oauth2(TestTokens.service()).queryParam("asOf", "2026-01-01").queryParam("dueFrom", "2026-12-31").queryParam("dueTo", "2026-12-31")
                .get("/internal/v1/compliance/open-items").then().statusCode(200);
        given().auth().oauth2(TestTokens.service()).queryParam("dueFrom", "2025-12-31").queryParam("dueTo", "2024-12-31")
                .get("/internal/v1/compliance/open-items").then().statusCode(400);
    }

    /** API.md: 000000 works wherever a region code is read; no requirement applies to the country itself. */
    @Test
    void theCountryHasItsItemsEveryOneNotApplicable() {
        JsonPath items = given().auth().oauth2(ADMIN).queryParam("year", 2025).queryParam("asOf", "2025-06-30")
                .get("/internal/v1/compliance/regions/000000").then().statusCode(200).extract().jsonPath();
        assertThat(items.getString("regionName")).isEqualTo("中华人民共和国");
        assertThat(items.getList("items.requirementId")).hasSize(requirementCount())
                .contains("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "UNION_FEES_FULL_COLLECTION");
        assertThat(items.getList("items.status")).containsOnly("NOT_APPLICABLE");
    }
}
