package luoshi.gateway;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.api.compliance.ComplianceStatus.COMPLIANT;
import static luoshi.api.compliance.ComplianceStatus.PENDING;
import static luoshi.gateway.ComplianceFixtures.item;
import static luoshi.gateway.ComplianceFixtures.items;
import static luoshi.gateway.ComplianceViewsTest.stubItems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import luoshi.api.common.Problem;
import org.junit.jupiter.api.Test;

/**
 * A slow service costs its timeout and is named in {@code incomplete}; a failing one opens its breaker,
 * after which it is no longer called; a 4xx is an answer, not a fault.
 */
@QuarkusTest
class FaultToleranceTest extends DownstreamTest {

    private static final String PATH = "/internal/v1/compliance/regions/";

    @Test
    void aSlowServiceIsIncompleteWithinTheTimeout() {
        String county = "330604";
        stubItems(org, county, toJson(items(county, "上虞区", item("FRONTLINE_SHARE", COMPLIANT))));
        stubItems(funding, county, toJson(items(county, "上虞区", item("UNION_FEES_FULL_COLLECTION", PENDING))));
        long slowMs = 4 * Downstream.TIMEOUT_MS;
        review.register(get(urlPathEqualTo(PATH + county))
                .willReturn(okJson(toJson(items(county, "上虞区", item("JOINT_MEETING", COMPLIANT)))).withFixedDelay((int) slowMs)));

        long started = System.nanoTime();
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}?year=2025&asOf=2026-11-22", county).then().statusCode(200)
                .body("incomplete", contains("review-service"))
                .body("warnings", hasItem(containsString("review-service did not answer within")))
                .body("items.requirementId", contains("FRONTLINE_SHARE", "UNION_FEES_FULL_COLLECTION"))
                .body("summary.COMPLIANT", is(1))
                .body("summary.PENDING", is(1));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        // a sanity bound only (the timeout plus a margin for a loaded machine), well below the slow answer
        assertThat(elapsedMs).isLessThan(Downstream.TIMEOUT_MS + 4000).isLessThan(slowMs);
        review.verifyThat(1, getRequestedFor(urlPathEqualTo(PATH + county)));   // no retry after a timeout
    }

    @Test
    void aFailingServiceOpensItsBreakerAndIsNoLongerCalled() {
        String county = "330624";
        stubItems(org, county, toJson(items(county, "新昌县", item("FRONTLINE_SHARE", COMPLIANT))));
        stubItems(review, county, toJson(items(county, "新昌县")));
        funding.register(get(urlPathEqualTo(PATH + county)).willReturn(serverError()));

        // two calls: each read is tried twice (one retry), so four failures: the breaker's whole window
        report(county).body("incomplete", contains("funding-service"));
        report(county).body("incomplete", contains("funding-service"));
        funding.verifyThat(4, getRequestedFor(urlPathEqualTo(PATH + county)));

        for (int i = 0; i < 3; i++) {
            report(county).body("incomplete", contains("funding-service"))
                    .body("warnings", hasItem(containsString("circuit open")))
                    .body("items.requirementId", contains("FRONTLINE_SHARE"));
        }
        funding.verifyThat(4, getRequestedFor(urlPathEqualTo(PATH + county)));   // the open breaker answered
        org.verifyThat(5, getRequestedFor(urlPathEqualTo(PATH + county)));
    }

    @Test
    void aDeadServiceIsRetriedOnceThenIncomplete() {
        String county = "330683";   // 嵊州市
        stubItems(org, county, toJson(items(county, "嵊州市", item("FRONTLINE_SHARE", COMPLIANT))));
        stubItems(funding, county, toJson(items(county, "嵊州市")));
        review.register(get(urlPathEqualTo(PATH + county)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        report(county).body("incomplete", contains("review-service"))
                .body("items.requirementId", contains("FRONTLINE_SHARE"));
        review.verifyThat(2, getRequestedFor(urlPathEqualTo(PATH + county)));   // one retry of an idempotent read
    }

    @Test
    void aRoutedWriteThatTimesOutIs504AndIsNotRetried() {
        review.register(post(urlPathEqualTo("/api/v1/requirements"))
                .willReturn(aResponse().withStatus(201).withFixedDelay((int) (4 * Downstream.TIMEOUT_MS))));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"id":"SHAOXING_JOINT_MEETINGS","title":"Joint meetings","titleZh":"联席会议","source":"SHAOXING-2015 item 17",
                 "issuerRegionCode":"330600","levels":["COUNTY"],"period":"YEAR","rule":{"type":"MEETING_COUNT","min":2}}""")
                .post("/api/v1/requirements").then().statusCode(504)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("review-service did not answer within " + Downstream.TIMEOUT_MS + " ms"))
                .body("detail", containsString("may or may not have been applied"));
        review.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/v1/requirements")));
    }

    @Test
    void aClientErrorIsAnAnswerAndNeverOpensTheBreaker() {
        String unknown = "330698";
        org.register(get(urlPathEqualTo(PATH + unknown)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", Problem.MEDIA_TYPE).withBody(toJson(Problem.of(404, "Not Found", "No region 330698.")))));
        stubItems(funding, unknown, toJson(items(unknown, null)));
        stubItems(review, unknown, toJson(items(unknown, null)));

        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}", unknown).then().statusCode(404).body("detail", is("No region 330698."));
        }
        org.verifyThat(6, getRequestedFor(urlPathEqualTo(PATH + unknown)));   // each call reached it: no retry, no open breaker
    }

    private static ValidatableResponse report(String county) {
        return given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}?year=2025&asOf=2026-11-22", county).then().statusCode(200);
    }

}
