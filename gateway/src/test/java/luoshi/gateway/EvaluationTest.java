package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.gateway.ComplianceFixtures.child;
import static luoshi.gateway.ComplianceFixtures.rollup;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.Dimension;
import luoshi.api.compliance.Weights;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The composite evaluation (API.md, "Evaluation and trends"): the gateway adds the three services' sums of weights,
 * scores them (100 × compliant ÷ counted, one decimal, null when nothing counts), per dimension, and ranks the region
 * among its siblings (from its parent's rollup) and each child among the children; ties share a rank. The numbers are
 * computed by hand below.
 */
@QuarkusTest
class EvaluationTest extends DownstreamTest {

    private static Weights w(int compliant, int counted, Dimension dimension) {
        return Weights.of(luoshi.api.compliance.ComplianceStatus.COMPLIANT, compliant, BigDecimal.ONE, dimension)
                .plus(Weights.of(luoshi.api.compliance.ComplianceStatus.NON_COMPLIANT, counted - compliant, BigDecimal.ONE,
                        dimension));
    }

    private static void stub(WireMock service, String regionCode, String body) {
        service.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + regionCode + "/rollup")).willReturn(okJson(body)));
    }

    /**
     * 绍兴市 330600: org 3 of 4 (COMMON), funding 2 of 6 (SPECIFIC), review 1 of 1 (SATISFACTION) and 0 of 1 in no
     * dimension: 6 of 12 = 50.0; COMMON 75.0, SPECIFIC 33.3, PROGRESS null, SATISFACTION 100.0. Children: 越城区 1 of 1
     * + 1 of 2 = 66.7, 柯桥区 2 of 3 = 66.7 (a tie: both second), 上虞区 1 of 1 = 100.0 (first), 新昌县 nothing counted
     * (null, no rank). Among 浙江省's cities: 杭州市 4 of 5 = 80.0, 宁波市 1 of 2 = 50.0 (tied with 绍兴市), 温州市 nothing:
     * 绍兴市 is second of four.
     */
    private void stubShaoxing() {
        String city = "330600";
        stub(org, city, toJson(rollup(city, "绍兴市", w(3, 4, Dimension.COMMON),
                List.of(child("330602", "越城区", w(1, 1, Dimension.COMMON)), child("330603", "柯桥区", w(2, 3, Dimension.COMMON)),
                        child("330624", "新昌县", Weights.ZERO)))));
        stub(funding, city, toJson(rollup(city, "绍兴市", w(2, 6, Dimension.SPECIFIC),
                List.of(child("330602", "越城区", w(1, 2, Dimension.SPECIFIC)), child("330624", "新昌县", Weights.ZERO)))));
        stub(review, city, toJson(rollup(city, "绍兴市", w(1, 1, Dimension.SATISFACTION).plus(w(0, 1, null)),
                List.of(child("330604", "上虞区", w(1, 1, Dimension.SATISFACTION))))));
        String province = "330000";
        stub(org, province, toJson(rollup(province, "浙江省", w(5, 7, Dimension.COMMON),
                List.of(child("330100", "杭州市", w(4, 5, Dimension.COMMON)), child("330200", "宁波市", w(1, 2, Dimension.COMMON)),
                        child("330300", "温州市", Weights.ZERO), child("330600", "绍兴市", w(0, 0, Dimension.COMMON))))));
        stub(funding, province, toJson(rollup(province, "浙江省", Weights.ZERO, List.of())));
        stub(review, province, toJson(rollup(province, "浙江省", Weights.ZERO, List.of())));
    }

    @Test
    void theScoreIsTheWeightedShareOfTheSubtreePerDimensionWithRanksAndTies() {
        stubShaoxing();
        JsonNode e = exact(given().auth().oauth2(ADMIN).get("/api/v1/evaluation/330600?year=2025&asOf=2026-11-22").then()
                .statusCode(200).extract().asString());
        assertThat(e.get("regionCode").asText()).isEqualTo("330600");
        assertThat(e.get("regionName").asText()).isEqualTo("绍兴市");
        assertThat(e.get("year").asInt()).isEqualTo(2025);
        assertThat(e.get("asOf").asText()).isEqualTo("2026-11-22");
        assertThat(e.get("score").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(e.get("score").toString()).isEqualTo("50.0");
        assertThat(e.get("dimensions").toString())
                .isEqualTo("{\"COMMON\":75.0,\"SPECIFIC\":33.3,\"PROGRESS\":null,\"SATISFACTION\":100.0}");
        assertThat(e.get("rank").asInt()).isEqualTo(2);
        assertThat(e.get("of").asInt()).isEqualTo(4);
        assertThat(e.get("children").toString()).isEqualTo("["
                + "{\"regionCode\":\"330602\",\"regionName\":\"越城区\",\"score\":66.7,\"rank\":2},"
                + "{\"regionCode\":\"330603\",\"regionName\":\"柯桥区\",\"score\":66.7,\"rank\":2},"
                + "{\"regionCode\":\"330604\",\"regionName\":\"上虞区\",\"score\":100.0,\"rank\":1},"
                + "{\"regionCode\":\"330624\",\"regionName\":\"新昌县\",\"score\":null,\"rank\":null}]");
        assertThat(e.get("incomplete")).isEmpty();
    }

    /** A viewer of 绍兴市 may not read 浙江省's subtree: no rank among its siblings, and 浙江省 is not asked. */
    @Test
    void withoutTheParentsSubtreeThereIsNoRankAndTheParentIsNotAsked() {
        stubShaoxing();
        JsonNode e = exact(given().auth().oauth2(TestTokens.token("viewer", "330600"))
                .get("/api/v1/evaluation/330600?year=2025&asOf=2026-11-22").then().statusCode(200).extract().asString());
        assertThat(e.get("score").toString()).isEqualTo("50.0");
        assertThat(e.get("rank").isNull()).isTrue();
        assertThat(e.get("of").isNull()).isTrue();
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(0, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/330000/rollup")));
        }
        given().auth().oauth2(TestTokens.token("viewer", "330100")).get("/api/v1/evaluation/330600").then().statusCode(403);
    }

    /** 仙桃市 (429004) lies directly under 湖北省: no service knows a region 429000, so there is no rank, and still a score. */
    @Test
    void aParentNoServiceKnowsGivesNoRank() {
        for (WireMock service : List.of(org, funding, review)) {
            stub(service, "429004", toJson(rollup("429004", "仙桃市", w(1, 4, Dimension.COMMON), List.of())));
        }
        JsonNode e = exact(given().auth().oauth2(ADMIN).get("/api/v1/evaluation/429004?year=2025&asOf=2026-11-22").then()
                .statusCode(200).extract().asString());
        assertThat(e.get("score").toString()).isEqualTo("25.0");
        assertThat(e.get("rank").isNull()).isTrue();
        assertThat(e.get("of").isNull()).isTrue();
        org.verifyThat(1, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/429000/rollup")));
    }

    /** Nothing counted: every score null, and the country is first of one only with a score. */
    @Test
    void nothingCountedGivesNull() {
        for (WireMock service : List.of(org, funding, review)) {
            stub(service, "000000", toJson(rollup("000000", "全国", Weights.ZERO,
                    List.of(child("330000", "浙江省", Weights.ZERO)))));
        }
        JsonNode e = exact(given().auth().oauth2(ADMIN).get("/api/v1/evaluation/000000?year=2025&asOf=2026-11-22").then()
                .statusCode(200).extract().asString());
        assertThat(e.get("score").isNull()).isTrue();
        assertThat(json.convertValue(e.get("dimensions"), Map.class)).containsOnlyKeys("COMMON", "SPECIFIC", "PROGRESS",
                "SATISFACTION").allSatisfy((k, v) -> assertThat(v).isNull());
        assertThat(e.get("rank").isNull()).isTrue();
        assertThat(e.get("of").asInt()).isEqualTo(1);
        assertThat(e.get("children").toString()).isEqualTo(
                "[{\"regionCode\":\"330000\",\"regionName\":\"浙江省\",\"score\":null,\"rank\":null}]");
    }

    /** The trend is review-service's (it keeps the snapshots): relayed with its query; a bad date never leaves the gateway. */
    @Test
    void theTrendIsRelayedFromReviewServiceAndABadDateIsA400NamingIt() {
        String body = "{\"regionCode\":\"330600\",\"year\":2026,\"points\":[{\"date\":\"2026-11-21\","
                + "\"counts\":{\"COMPLIANT\":3,\"PENDING\":0,\"NON_COMPLIANT\":1,\"NO_DATA\":0,\"NOT_APPLICABLE\":2},"
                + "\"complianceRate\":0.7500,\"score\":66.7,\"dimensions\":{\"COMMON\":66.7,\"SPECIFIC\":null,"
                + "\"PROGRESS\":null,\"SATISFACTION\":null}}],\"incomplete\":[]}";
        review.register(get(urlPathEqualTo("/api/v1/compliance/330600/trend")).willReturn(okJson(body)));
        JsonNode t = exact(given().auth().oauth2(ADMIN).get("/api/v1/compliance/330600/trend?year=2026&from=2026-11-01&to=2026-11-30")
                .then().statusCode(200).extract().asString());
        assertThat(t.get("points").get(0).get("score").toString()).isEqualTo("66.7");
        assertThat(t.get("points").get(0).get("complianceRate").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(t.get("points").get(0).get("date").asText()).isEqualTo("2026-11-21");
        assertThat(t.get("points").get(0).get("counts").get("COMPLIANT").asInt()).isEqualTo(3);
        review.verifyThat(1, getRequestedFor(urlPathEqualTo("/api/v1/compliance/330600/trend"))
                .withQueryParam("year", equalTo("2026"))
                .withQueryParam("from", equalTo("2026-11-01"))
                .withQueryParam("to", equalTo("2026-11-30")));

        given().auth().oauth2(ADMIN).get("/api/v1/compliance/330600/trend?from=2026-02-30").then().statusCode(400)
                .body("violations[0].field", is("from"));
        review.verifyThat(1, getRequestedFor(urlPathEqualTo("/api/v1/compliance/330600/trend")));
    }
}
