package luoshi.gateway;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.api.compliance.ComplianceStatus.COMPLIANT;
import static luoshi.api.compliance.ComplianceStatus.NON_COMPLIANT;
import static luoshi.api.compliance.ComplianceStatus.NOT_APPLICABLE;
import static luoshi.gateway.ComplianceFixtures.child;
import static luoshi.gateway.ComplianceFixtures.counts;
import static luoshi.gateway.ComplianceFixtures.item;
import static luoshi.gateway.ComplianceFixtures.items;
import static luoshi.gateway.ComplianceFixtures.requirement;
import static luoshi.gateway.ComplianceFixtures.rollup;
import static luoshi.gateway.ComplianceFixtures.waived;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import luoshi.api.common.Problem;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The compliance views merge the three services' items and sum their counts (API.md, Compliance). */
@QuarkusTest
class ComplianceViewsTest extends DownstreamTest {

    @Test
    void reportMergesTheItemsOfTheThreeServicesOrderedByRequirement() {
        String township = "330602001";
        stubItems(org, township, toJson(items(township, "塔山街道", item("TOWNSHIP_FULL_TIME_HEADS", COMPLIANT))));
        stubItems(funding, township, toJson(items(township, "塔山街道",
                item("WOMENS_WORK_PER_CAPITA_FUNDING", COMPLIANT), item("TOWNSHIP_YOUTH_LEAGUE_FUNDING", NON_COMPLIANT))));
        stubItems(review, township, toJson(items(township, "塔山街道", item("ANNUAL_COMMITTEE_STUDY", NOT_APPLICABLE))));

        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}?year=2025&asOf=2026-11-22", township).then().statusCode(200)
                .body("regionCode", is(township))
                .body("regionName", is("塔山街道"))
                .body("year", is(2025))
                .body("asOf", is("2026-11-22"))
                .body("items.requirementId", contains("ANNUAL_COMMITTEE_STUDY", "TOWNSHIP_FULL_TIME_HEADS",
                        "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "WOMENS_WORK_PER_CAPITA_FUNDING"))
                .body("items[2].status", is("NON_COMPLIANT"))
                .body("items[2].evidence[0].documentRef", is("绍市委常〔2025〕3号"))
                .body("summary.COMPLIANT", is(2))
                .body("summary.PENDING", is(0))
                .body("summary.NON_COMPLIANT", is(1))
                .body("summary.NO_DATA", is(0))
                .body("summary.NOT_APPLICABLE", is(1))
                .body("incomplete", empty());
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(1, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/" + township))
                    .withQueryParam("year", equalTo("2025")).withQueryParam("asOf", equalTo("2026-11-22")));
        }
    }

    /** Issue 17: a waived item is NOT_APPLICABLE and counted in waived too; its waiver and owner reach the caller. */
    @Test
    void theSummaryCountsAWaivedItemUnderNotApplicableAndWaived() {
        String township = "330602001";
        stubItems(org, township, toJson(items(township, "塔山街道", item("TOWNSHIP_FULL_TIME_HEADS", COMPLIANT))));
        stubItems(funding, township, toJson(items(township, "塔山街道", waived("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "w-1"),
                item("WOMENS_WORK_PER_CAPITA_FUNDING", NON_COMPLIANT))));
        stubItems(review, township, toJson(items(township, "塔山街道", item("ANNUAL_COMMITTEE_STUDY", NOT_APPLICABLE))));

        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}?year=2025&asOf=2026-11-22", township).then().statusCode(200)
                .body("items.requirementId", contains("ANNUAL_COMMITTEE_STUDY", "TOWNSHIP_FULL_TIME_HEADS",
                        "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "WOMENS_WORK_PER_CAPITA_FUNDING"))
                .body("items[2].status", is("NOT_APPLICABLE"))
                .body("items[2].waiver.id", is("w-1"))
                .body("items[2].waiver.to", is("2025-12-31"))
                .body("items[2].waiver.approvedBy", is("admin@330602"))
                .body("items[2].owner.unit", is("越城区团区委"))
                .body("items[2].owner.regionCode", is("330602"))
                .body("items[2].expected", nullValue())
                .body("items[2].requirementVersion", is(1))
                .body("items[0].waiver", nullValue())
                .body("summary.COMPLIANT", is(1))
                .body("summary.NON_COMPLIANT", is(1))
                // the review item that does not apply, and the waived one
                .body("summary.NOT_APPLICABLE", is(2))
                .body("summary.waived", is(1));
    }

    /** Issue 17: the rollup sums waived with the other counts, in total, per child and per requirement. */
    @Test
    void theRollupSumsTheWaivedCounts() {
        String city = "330600";
        stubRollup(org, city, toJson(rollup(city, "绍兴市", counts(2, 0, 1, 0, 0),
                List.of(child("330602", "越城区", counts(2, 0, 1, 0, 0))),
                List.of(requirement("TOWNSHIP_FULL_TIME_HEADS", counts(2, 0, 1, 0, 0))))));
        stubRollup(funding, city, toJson(rollup(city, "绍兴市", counts(1, 0, 3, 0, 3, 2),
                List.of(child("330602", "越城区", counts(1, 0, 1, 0, 2, 2)), child("330603", "柯桥区", counts(0, 0, 2, 0, 1, 0))),
                List.of(requirement("TOWNSHIP_YOUTH_LEAGUE_FUNDING", counts(1, 0, 2, 0, 2, 2)),
                        requirement("WOMENS_WORK_PER_CAPITA_FUNDING", counts(0, 0, 1, 0, 1, 0))))));
        stubRollup(review, city, toJson(rollup(city, "绍兴市", counts(0, 0, 0, 0, 1, 1),
                List.of(child("330603", "柯桥区", counts(0, 0, 0, 0, 1, 1))),
                List.of(requirement("ANNUAL_COMMITTEE_STUDY", counts(0, 0, 0, 0, 1, 1))))));

        JsonNode rollup = exact(given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}/rollup?year=2025&asOf=2026-11-22", city)
                .then().statusCode(200).extract().asString());

        assertCounts(rollup.get("counts"), 3, 0, 4, 0, 4);
        assertThat(rollup.get("counts").get("waived").asLong()).isEqualTo(3);
        // the waived are not in the rate's denominator: 3 ÷ (3 + 4)
        assertThat(rollup.get("complianceRate").decimalValue()).isEqualTo(new BigDecimal("0.4286"));
        assertThat(rollup.get("children").findValuesAsText("regionCode")).containsExactly("330602", "330603");
        assertThat(rollup.get("children").get(0).get("counts").get("waived").asLong()).isEqualTo(2);
        assertThat(rollup.get("children").get(1).get("counts").get("waived").asLong()).isEqualTo(1);
        JsonNode byRequirement = rollup.get("byRequirement");
        assertThat(byRequirement.findValuesAsText("requirementId")).containsExactly("ANNUAL_COMMITTEE_STUDY",
                "TOWNSHIP_FULL_TIME_HEADS", "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "WOMENS_WORK_PER_CAPITA_FUNDING");
        // none waived: the key is left out (the counts keep their shape)
        assertThat(byRequirement.findValues("counts").stream().map(c -> c.path("waived").asLong()).toList())
                .containsExactly(1L, 0L, 2L, 0L);
        assertThat(byRequirement.get(1).get("counts").has("waived")).isFalse();
    }

    @Test
    void noCacheReachesEveryServiceAndAPlainRequestCarriesNone() {
        String township = "330602004";
        for (WireMock service : List.of(org, funding, review)) {
            stubItems(service, township, toJson(items(township, "北海街道")));
        }
        given().auth().oauth2(ADMIN).header("Cache-Control", "no-cache")
                .get("/api/v1/compliance/{code}?year=2025&asOf=2026-11-22", township).then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}?year=2025&asOf=2026-11-22", township).then().statusCode(200);
        for (WireMock service : List.of(org, funding, review)) {
            String path = "/internal/v1/compliance/regions/" + township;
            service.verifyThat(1, getRequestedFor(urlPathEqualTo(path)).withHeader("Cache-Control", equalTo("no-cache")));
            service.verifyThat(1, getRequestedFor(urlPathEqualTo(path)).withoutHeader("Cache-Control"));
        }
    }

    @Test
    void yearAndAsOfDefaultToTodayOnTheClock() {
        String county = "330603";   // FixedClock: 2026-11-22 in Beijing
        for (WireMock service : List.of(org, funding, review)) {
            stubItems(service, county, toJson(items(county, "柯桥区")));
        }

        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}", county).then().statusCode(200)
                .body("year", is(2026)).body("asOf", is("2026-11-22"));
        org.verifyThat(1, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/" + county))
                .withQueryParam("year", equalTo("2026")).withQueryParam("asOf", equalTo("2026-11-22")));
    }

    @Test
    void rollupSumsCountsPerChildAndPerRequirement() {
        String city = "330600";
        stubRollup(org, city, toJson(rollup(city, "绍兴市", counts(3, 0, 1, 0, 2),
                List.of(child("330602", "越城区", counts(2, 0, 1, 0, 1)), child("330603", "柯桥区", counts(1, 0, 0, 0, 1))),
                List.of(requirement("TOWNSHIP_FULL_TIME_HEADS", counts(3, 0, 1, 0, 0)),
                        requirement("FRONTLINE_SHARE", counts(0, 0, 0, 0, 2))))));
        stubRollup(funding, city, toJson(rollup(city, "绍兴市", counts(5, 0, 1, 1, 0),
                List.of(child("330602", "越城区", counts(3, 0, 0, 1, 0)), child("330603", "柯桥区", counts(2, 0, 1, 0, 0))),
                List.of(requirement("TOWNSHIP_YOUTH_LEAGUE_FUNDING", counts(5, 0, 1, 1, 0))))));
        stubRollup(review, city, toJson(rollup(city, "绍兴市", counts(5, 0, 0, 0, 0),
                List.of(child("330602", "越城区", counts(2, 0, 0, 0, 0)), child("330603", "柯桥区", counts(3, 0, 0, 0, 0))),
                List.of(requirement("ANNUAL_COMMITTEE_STUDY", counts(3, 0, 0, 0, 0)),
                        requirement("JOINT_MEETING", counts(2, 0, 0, 0, 0))))));

        JsonNode rollup = exact(given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}/rollup?year=2025&asOf=2026-11-22", city)
                .then().statusCode(200).extract().asString());

        assertThat(rollup.get("regionName").asText()).isEqualTo("绍兴市");
        assertCounts(rollup.get("counts"), 13, 0, 2, 1, 2);
        // 13 ÷ (13 + 0 + 2 + 1)
        assertThat(rollup.get("complianceRate").decimalValue()).isEqualTo(new BigDecimal("0.8125"));
        JsonNode yuecheng = rollup.get("children").get(0);
        assertThat(yuecheng.get("regionCode").asText()).isEqualTo("330602");
        assertThat(yuecheng.get("regionName").asText()).isEqualTo("越城区");
        assertCounts(yuecheng.get("counts"), 7, 0, 1, 1, 1);
        assertThat(yuecheng.get("complianceRate").decimalValue()).isEqualTo(new BigDecimal("0.7778"));   // 7 ÷ 9
        JsonNode keqiao = rollup.get("children").get(1);
        assertCounts(keqiao.get("counts"), 6, 0, 1, 0, 1);
        assertThat(keqiao.get("complianceRate").decimalValue()).isEqualTo(new BigDecimal("0.8571"));    // 6 ÷ 7
        assertThat(rollup.get("children").size()).isEqualTo(2);

        JsonNode byRequirement = rollup.get("byRequirement");
        assertThat(byRequirement.findValuesAsText("requirementId")).containsExactly("ANNUAL_COMMITTEE_STUDY",
                "FRONTLINE_SHARE", "JOINT_MEETING", "TOWNSHIP_FULL_TIME_HEADS", "TOWNSHIP_YOUTH_LEAGUE_FUNDING");
        assertThat(byRequirement.get(0).get("complianceRate").decimalValue()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(byRequirement.get(1).get("complianceRate").isNull()).isTrue();   // only NOT_APPLICABLE: 0 ÷ 0
        assertThat(byRequirement.get(3).get("complianceRate").decimalValue()).isEqualTo(new BigDecimal("0.7500"));
        assertThat(byRequirement.get(4).get("complianceRate").decimalValue()).isEqualTo(new BigDecimal("0.7143"));
        assertThat(rollup.get("incomplete").size()).isZero();
    }

    @Test
    void theCountryIsAValidRegion() {
        for (WireMock service : List.of(org, funding, review)) {
            stubRollup(service, "000000", toJson(rollup("000000", null, counts(0, 0, 0, 0, 3), List.of(), List.of())));
        }

        given().auth().oauth2(ADMIN).get("/api/v1/compliance/000000/rollup?year=2025&asOf=2026-11-22").then().statusCode(200)
                .body("counts.NOT_APPLICABLE", is(9))
                .body("complianceRate", nullValue());
    }

    @Test
    void aMalformedRegionCodeIs400NamingItAndAsksNoService() {
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/33060/rollup").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", is("regionCode"));
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/330600abc").then().statusCode(400)
                .body("violations[0].field", is("regionCode"));
        assertNoServiceWasCalled();
    }

    @Test
    void aBadYearOrDateIs400NamingIt() {
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/330600?year=1800").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", is("year"));
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/330600/rollup?asOf=2026-13-45").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", is("asOf"));
        assertNoServiceWasCalled();
    }

    @Test
    void aRegionUnknownToOrgServiceIs404() {
        String unknown = "330699";
        String problem = toJson(Problem.of(404, "Not Found", "No region 330699."));
        org.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + unknown))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", Problem.MEDIA_TYPE).withBody(problem)));
        stubItems(funding, unknown, toJson(items(unknown, null)));
        stubItems(review, unknown, toJson(items(unknown, null)));

        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}", unknown).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", is("No region 330699."));
    }

    @Test
    void callersAskingForTheSameRollupAtOnceShareItsComputationButNeverAnEarlierOne() throws Exception {
        String city = "330600";
        String path = "/internal/v1/compliance/regions/" + city + "/rollup";
        for (WireMock service : List.of(org, funding, review)) {
            service.register(get(urlPathEqualTo(path)).willReturn(okJson(toJson(rollup(city, "绍兴市", counts(1, 0, 0, 0, 0),
                    List.of(), List.of()))).withFixedDelay(1000)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> callers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                callers.add(() -> given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}/rollup?year=2025&asOf=2026-11-22", city).then()
                        .statusCode(200).body("counts.COMPLIANT", is(3)).body("incomplete", empty()).extract().statusCode());
            }
            for (Future<Integer> answer : pool.invokeAll(callers)) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        // eight callers at once: the round running when they came, and one more for all who came during it
        int[] asked = new int[3];
        List<WireMock> services = List.of(org, funding, review);
        for (int i = 0; i < 3; i++) {
            asked[i] = services.get(i).find(getRequestedFor(urlPathEqualTo(path))).size();
            assertThat(asked[i]).isBetween(1, 2);
        }
        // a caller that comes after them gets a round of its own
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}/rollup?year=2025&asOf=2026-11-22", city).then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            services.get(i).verifyThat(asked[i] + 1, getRequestedFor(urlPathEqualTo(path)));
        }
    }

    @Test
    void aRoundThatWaitedCarriesTheTokenOfItsOwnCaller() throws Exception {
        String city = "330700";   // 金华市
        String path = "/internal/v1/compliance/regions/" + city + "/rollup";
        for (WireMock service : List.of(org, funding, review)) {
            service.register(get(urlPathEqualTo(path)).willReturn(okJson(toJson(rollup(city, "金华市", counts(1, 0, 0, 0, 0),
                    List.of(), List.of()))).withFixedDelay(1000)));
        }
        String first = TestTokens.token("viewer", "330000", "first-caller");
        String second = TestTokens.token("viewer", "330700", "second-caller");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> given().auth().oauth2(first)
                    .get("/api/v1/compliance/{code}/rollup?year=2025&asOf=2026-11-22", city).then().statusCode(200).extract().statusCode());
            long deadline = System.nanoTime() + 10_000_000_000L;   // the first round is running once a service was asked
            while (review.find(getRequestedFor(urlPathEqualTo(path))).isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Future<Integer> b = pool.submit(() -> given().auth().oauth2(second)
                    .get("/api/v1/compliance/{code}/rollup?year=2025&asOf=2026-11-22", city).then().statusCode(200).extract().statusCode());
            assertThat(a.get()).isEqualTo(200);
            assertThat(b.get()).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
        // the second round started on the thread that ended the first, and still carried its own caller's token
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(1, getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + first)));
            service.verifyThat(1, getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + second)));
        }
    }

    static void stubItems(WireMock service, String regionCode, String body) {
        service.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + regionCode)).willReturn(okJson(body)));
    }

    static void stubRollup(WireMock service, String regionCode, String body) {
        service.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + regionCode + "/rollup"))
                .willReturn(okJson(body)));
    }

    private static void assertCounts(JsonNode counts, long compliant, long pending, long nonCompliant, long noData,
            long notApplicable) {
        assertThat(List.of(counts.get("COMPLIANT").asLong(), counts.get("PENDING").asLong(),
                counts.get("NON_COMPLIANT").asLong(), counts.get("NO_DATA").asLong(), counts.get("NOT_APPLICABLE").asLong()))
                .containsExactly(compliant, pending, nonCompliant, noData, notApplicable);
    }
}
