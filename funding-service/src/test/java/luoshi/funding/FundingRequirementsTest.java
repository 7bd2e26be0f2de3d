package luoshi.funding;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The four money requirements of REQUIREMENTS.md for one region and year, at their boundaries.
 * Each test uses its own townships of 越城区 (330602), so that none depends on another.
 */
@QuarkusTest
class FundingRequirementsTest {

    static final String YOUTH = "TOWNSHIP_YOUTH_LEAGUE_FUNDING";
    static final String WOMEN = "WOMENS_WORK_PER_CAPITA_FUNDING";
    static final String SCIENCE = "SCIENCE_ASSOCIATION_SPECIAL_FUND";
    static final String UNION = "UNION_FEES_FULL_COLLECTION";
    static final String AFTER_DUE = "2026-01-01";
    static final String DUE_DAY = "2025-12-31";

    @Inject
    ReplicaRows replica;

    @Test
    void theSeedCatalogHoldsTheFourMoneyRequirements() {
        given().auth().oauth2(ADMIN).get("/internal/v1/compliance/requirements").then().statusCode(200)
                .body("items.id", hasItems(YOUTH, WOMEN, SCIENCE, UNION))
                .body("items.find { it.id == 'TOWNSHIP_YOUTH_LEAGUE_FUNDING' }.rule.minAmount", org.hamcrest.Matchers.is("20000.00"))
                .body("items.find { it.id == 'TOWNSHIP_YOUTH_LEAGUE_FUNDING' }.owner", org.hamcrest.Matchers.is("funding"));
        given().auth().oauth2(ADMIN).get("/api/v1/requirements").then().statusCode(200).body("items.id", hasItems(YOUTH, WOMEN, SCIENCE, UNION));
    }

    @Test
    void oneCentShortOfTwentyThousandIsNonCompliantAndTwentyThousandIsCompliant() {
        replica.region("330602001", "塔山街道").region("330602002", "府山街道");
        String id = Api.fund("330602001", "YOUTH_LEAGUE_WORK", 2025, "19999.99");
        Api.fund("330602002", "YOUTH_LEAGUE_WORK", 2025, "20000.00");

        Map<String, Object> shortOne = Api.item("330602001", 2025, AFTER_DUE, YOUTH);
        assertThat(shortOne).containsEntry("status", "NON_COMPLIANT").containsEntry("expected", "20000.00")
                .containsEntry("actual", "19999.99").containsEntry("dueDate", "2025-12-31")
                .containsEntry("periodStart", "2025-01-01").containsEntry("periodEnd", "2025-12-31");
        assertThat(shortOne.get("evidence")).isEqualTo(List.of(Map.of("kind", "FUNDING", "id", id,
                "documentRef", "绍市财〔2025〕12号", "note", "19999.99")));
        assertThat(Api.item("330602002", 2025, AFTER_DUE, YOUTH)).containsEntry("status", "COMPLIANT")
                .containsEntry("actual", "20000.00");
    }

    @Test
    void theSameQuestionAfterEachWriteSeesTheWrite() {
        // the services keep their answers while their data is unchanged (rule-core's ComplianceAnswers): every write
        // (a record, a batch, a deletion, union fees, the copy of the regions) must show in the next answer
        replica.region("330602008", "东湖街道");
        Api.fund("330602008", "YOUTH_LEAGUE_WORK", 2025, "19999.99");
        assertThat(Api.item("330602008", 2025, AFTER_DUE, YOUTH)).containsEntry("status", "NON_COMPLIANT")
                .containsEntry("actual", "19999.99");
        assertThat(Api.item("330602008", 2025, AFTER_DUE, YOUTH)).containsEntry("actual", "19999.99");   // asked again: kept
        String cent = Api.fund("330602008", "YOUTH_LEAGUE_WORK", 2025, "0.01");
        assertThat(Api.item("330602008", 2025, AFTER_DUE, YOUTH)).containsEntry("status", "COMPLIANT")
                .containsEntry("actual", "20000.00");
        assertThat(Api.rollup("330602", 2025, AFTER_DUE).getLong("byRequirement.find { it.requirementId == '" + YOUTH
                + "' }.counts.COMPLIANT")).isPositive();
        given().auth().oauth2(ADMIN).delete("/api/v1/funding/{id}", cent).then().statusCode(204);
        assertThat(Api.item("330602008", 2025, AFTER_DUE, YOUTH)).containsEntry("status", "NON_COMPLIANT")
                .containsEntry("actual", "19999.99");
        Api.fundMany("330602008", "YOUTH_LEAGUE_WORK", 2025, "0.01", 1);
        assertThat(Api.item("330602008", 2025, AFTER_DUE, YOUTH)).containsEntry("status", "COMPLIANT");
        replica.region("330602008", "东湖街道（新）");                    // a change of the copy, as the feed applies it
        assertThat(Api.items("330602008", 2025, AFTER_DUE).getString("regionName")).isEqualTo("东湖街道（新）");
    }

    @Test
    void manySmallRecordsSumExactlyWhereBinaryFloatsWouldFallShort() {
        replica.region("330602004", "北海街道").region("330602005", "城南街道");
        // 19,999.70 + 3 × 0.10: in doubles 19999.7 + 0.1 + 0.1 + 0.1 = 19999.999999999996
        Api.fund("330602004", "YOUTH_LEAGUE_WORK", 2025, "19999.70");
        Api.fundMany("330602004", "YOUTH_LEAGUE_WORK", 2025, "0.10", 3);
        // 19,990.00 + 1000 × 0.01: in doubles the thousand cents sum to 9.99999999999983
        Api.fund("330602005", "YOUTH_LEAGUE_WORK", 2025, "19990.00");
        Api.fundMany("330602005", "YOUTH_LEAGUE_WORK", 2025, "0.01", 1000);

        assertThat(Api.item("330602004", 2025, AFTER_DUE, YOUTH)).containsEntry("status", "COMPLIANT")
                .containsEntry("actual", "20000.00");
        Map<String, Object> thousand = Api.item("330602005", 2025, AFTER_DUE, YOUTH);
        assertThat(thousand).containsEntry("status", "COMPLIANT").containsEntry("actual", "20000.00");
        assertThat((List<?>) thousand.get("evidence")).hasSize(1001);
        assertThat(Api.rollup("330602005", 2025, AFTER_DUE).getLong("counts.COMPLIANT")).isEqualTo(1);
    }

    @Test
    void womensFundingExactlyEqualToThePopulationIsCompliantOneCentLessIsNot() {
        replica.region("330602006", "稽山街道").population("330602006", 2025, 43_210)
                .region("330602007", "迪荡街道").population("330602007", 2025, 43_210);
        Api.fund("330602006", "WOMENS_WORK", 2025, "43210.00");
        Api.fund("330602007", "WOMENS_WORK", 2025, "43209.99");

        Map<String, Object> equal = Api.item("330602006", 2025, DUE_DAY, WOMEN);
        assertThat(equal).containsEntry("status", "COMPLIANT").containsEntry("expected", "43210.00")
                .containsEntry("actual", "43210.00");
        assertThat((List<Map<String, Object>>) equal.get("evidence")).extracting(e -> e.get("kind"))
                .containsExactly("FUNDING", "POPULATION");
        assertThat(Api.item("330602007", 2025, DUE_DAY, WOMEN)).containsEntry("status", "PENDING")
                .containsEntry("expected", "43210.00").containsEntry("actual", "43209.99");
    }

    @Test
    void withoutPopulationThePerCapitaRuleHasNoData() {
        replica.region("330602008", "东湖街道").population("330602008", 2024, 40_000);
        Api.fund("330602008", "WOMENS_WORK", 2025, "50000.00");
        assertThat(Api.item("330602008", 2025, AFTER_DUE, WOMEN)).containsEntry("status", "NO_DATA")
                .containsEntry("actual", "50000.00");
    }

    @Test
    void aRecordOfOneFiscalYearDoesNotCountForTheNext() {
        replica.region("330602009", "灵芝街道");
        Api.fund("330602009", "YOUTH_LEAGUE_WORK", 2024, "20000.00");
        Api.fund("330602009", "YOUTH_LEAGUE_WORK", 2026, "20000.00");
        Map<String, Object> y2025 = Api.item("330602009", 2025, AFTER_DUE, YOUTH);
        assertThat(y2025).containsEntry("status", "NON_COMPLIANT").containsEntry("actual", "0.00");
        assertThat((List<?>) y2025.get("evidence")).isEmpty();
        assertThat(Api.item("330602009", 2024, AFTER_DUE, YOUTH)).containsEntry("status", "COMPLIANT")
                .containsEntry("periodStart", "2024-01-01").containsEntry("dueDate", "2024-12-31");
    }

    @Test
    void theDueDateIsStillPendingAndTheFirstDayAfterIsNonCompliant() {
        replica.region("330602010", "东浦街道");
        Api.fund("330602010", "YOUTH_LEAGUE_WORK", 2025, "100.00");
        assertThat(Api.item("330602010", 2025, DUE_DAY, YOUTH)).containsEntry("status", "PENDING");
        assertThat(Api.item("330602010", 2025, AFTER_DUE, YOUTH)).containsEntry("status", "NON_COMPLIANT");
    }

    @Test
    void aTownshipOutsideShaoxingOrARegionOfAnotherLevelIsNotApplicable() {
        replica.region("330106001", "北山街道").region("330602", "越城区");
        Api.fund("330106001", "YOUTH_LEAGUE_WORK", 2025, "100.00");
        for (String id : List.of(YOUTH, WOMEN, SCIENCE, UNION)) {
            assertThat(Api.item("330106001", 2025, AFTER_DUE, id)).containsEntry("status", "NOT_APPLICABLE")
                    .containsEntry("expected", null).containsEntry("actual", null);
        }
        assertThat(Api.item("330602", 2025, AFTER_DUE, YOUTH)).containsEntry("status", "NOT_APPLICABLE");
    }

    @Test
    void unionFeesCollectedInFullOrNotOrNotDue() {
        replica.region("330681", "诸暨市").region("330683", "嵊州市").region("330624", "新昌县").region("330108", "滨江区");
        Api.unionFees("330681", 2025, "1200000.00", "1200000.00");
        Api.unionFees("330683", 2025, "1200000.00", "1188000.00");
        assertThat(Api.item("330681", 2025, AFTER_DUE, UNION)).containsEntry("status", "COMPLIANT")
                .containsEntry("expected", "1200000.00").containsEntry("actual", "1200000.00");
        Map<String, Object> short1 = Api.item("330683", 2025, AFTER_DUE, UNION);
        assertThat(short1).containsEntry("status", "NON_COMPLIANT").containsEntry("actual", "1188000.00");
        assertThat(short1.get("evidence")).isEqualTo(List.of(Map.of("kind", "UNION_FEES", "id", "330683/2025",
                "note", "due 1200000.00, collected 1188000.00")));
        assertThat(Api.item("330624", 2025, AFTER_DUE, UNION)).containsEntry("status", "NO_DATA");
        // CENTRAL-2015 applies everywhere: a county of Hangzhou too
        assertThat(Api.item("330108", 2025, AFTER_DUE, UNION)).containsEntry("status", "NO_DATA");
    }

    @Test
    void theScienceFundNeedsAnyAmountAtCityAndCountyLevel() {
        replica.region("330600", "绍兴市");
        Api.fund("330600", "SCIENCE_ASSOCIATION_SPECIAL", 2023, "0.01");
        assertThat(Api.item("330600", 2023, AFTER_DUE, SCIENCE)).containsEntry("status", "COMPLIANT")
                .containsEntry("expected", "0.01").containsEntry("actual", "0.01");
        assertThat(Api.item("330600", 2022, AFTER_DUE, SCIENCE)).containsEntry("status", "NON_COMPLIANT");
    }

    @Test
    void anUnknownRegionIs404AndABadCodeIs400() {
        given().auth().oauth2(ADMIN).get("/internal/v1/compliance/regions/330602999").then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/internal/v1/compliance/regions/33x").then().statusCode(400);
        given().auth().oauth2(ADMIN).queryParam("year", 1900).get("/internal/v1/compliance/regions/330602").then().statusCode(400);
    }
}
