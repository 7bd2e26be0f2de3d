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

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import luoshi.api.common.Problem;
import org.junit.jupiter.api.Test;

/**
 * A slow service costs its timeout and is named in {@code incomplete}; a failing one opens its breaker,
 * after which it is no longer called; a 4xx is an answer, not a fault; imports have a bulkhead of their own.
 */
@QuarkusTest
class FaultToleranceTest extends DownstreamTest {

    private static final String PATH = "/internal/v1/compliance/regions/";
    private static final String SAMPLES = "/api/v1/route-samples";

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
        ruleTypesOfTheThreeServices();
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

    /** Issue 24: no caller's refused requests cost anyone else anything: 100 downstream 4xx, and every breaker closed. */
    @Test
    void aHundredClientErrorsAreRelayedNeverRetriedAndLeaveEveryBreakerClosed() {
        org.register(get(urlPathEqualTo(SAMPLES + "/330699")).willReturn(problem(404, "No region 330699.")));
        org.register(post(urlPathEqualTo(SAMPLES)).willReturn(problem(400, "code: must be a region code")));
        org.register(get(urlPathEqualTo(PATH + "330698")).willReturn(problem(404, "No region 330698.")));
        stubItems(funding, "330698", toJson(items("330698", null)));
        stubItems(review, "330698", toJson(items("330698", null)));

        for (int i = 0; i < 40; i++) {
            given().auth().oauth2(ADMIN).get(SAMPLES + "/330699").then().statusCode(404).body("detail", is("No region 330699."));
        }
        for (int i = 0; i < 30; i++) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"code\":\"3306\"}").post(SAMPLES).then()
                    .statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", is("code: must be a region code"));
        }
        for (int i = 0; i < 30; i++) {
            given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}", "330698").then().statusCode(404);
        }

        org.verifyThat(40, getRequestedFor(urlPathEqualTo(SAMPLES + "/330699")));   // each once: never retried
        org.verifyThat(30, postRequestedFor(urlPathEqualTo(SAMPLES)));
        org.verifyThat(30, getRequestedFor(urlPathEqualTo(PATH + "330698")));
        for (String kind : List.of("reads", "writes", "compliance-reads", "imports")) {
            assertThat(breakers.currentState("org-service/" + kind)).as(kind).isEqualTo(CircuitBreakerState.CLOSED);
        }
        org.register(get(urlPathEqualTo(SAMPLES + "/330602")).willReturn(okJson("{\"code\":\"330602\",\"name\":\"越城区\"}")));
        given().auth().oauth2(ADMIN).get(SAMPLES + "/330602").then().statusCode(200).body("name", is("越城区"));
    }

    /** A 5xx is a fault: a read is tried twice, two such reads open the reads' breaker, and only theirs. */
    @Test
    void serverErrorsOpenTheBreakerOfTheirKindOfCallAndNoOther() {
        org.register(get(urlPathEqualTo(SAMPLES + "/330602")).willReturn(serverError()));
        org.register(post(urlPathEqualTo(SAMPLES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"330603\",\"name\":\"柯桥区\"}")));

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(ADMIN).get(SAMPLES + "/330602").then().statusCode(503)
                    .body("detail", is("org-service could not answer."));
        }
        org.verifyThat(4, getRequestedFor(urlPathEqualTo(SAMPLES + "/330602")));   // each read tried twice
        assertThat(breakers.currentState("org-service/reads")).isEqualTo(CircuitBreakerState.OPEN);
        given().auth().oauth2(ADMIN).get(SAMPLES + "/330602").then().statusCode(503)
                .body("detail", containsString("circuit open"));
        org.verifyThat(4, getRequestedFor(urlPathEqualTo(SAMPLES + "/330602")));   // the open breaker answered

        // the writes' breaker counted none of it
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"code\":\"330603\",\"name\":\"柯桥区\"}")
                .post(SAMPLES).then().statusCode(201);
        assertThat(breakers.currentState("org-service/writes")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    /** A write is never tried again: a 5xx once, and four of them open the writes' breaker, after which nothing is sent. */
    @Test
    void aFailingWriteIsNeverRetriedAndOpensTheWritesBreaker() {
        org.register(post(urlPathEqualTo(SAMPLES)).willReturn(serverError()));

        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"code\":\"330603\"}").post(SAMPLES).then()
                    .statusCode(503).body("detail", is("org-service could not answer. The write may or may not have been applied."));
            org.verifyThat(i + 1, postRequestedFor(urlPathEqualTo(SAMPLES)));
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"code\":\"330603\"}").post(SAMPLES).then()
                .statusCode(503).body("detail", is("org-service is failing; calls to it are suspended for a while (circuit open). "
                        + "Nothing was sent."));
        org.verifyThat(4, postRequestedFor(urlPathEqualTo(SAMPLES)));
    }

    /** A refused, reset or cut-off exchange is a fault, whatever its form: a read is tried once more, then 503. */
    @Test
    void everyKindOfBrokenExchangeIsAFaultTriedOnceMore() {
        for (Fault fault : Fault.values()) {
            String path = SAMPLES + "/" + fault.name();
            org.register(get(urlPathEqualTo(path)).willReturn(aResponse().withFault(fault)));

            given().auth().oauth2(ADMIN).get(path).then().statusCode(503).body("detail", is("org-service could not answer."));
            org.verifyThat(2, getRequestedFor(urlPathEqualTo(path)));
            breakers.resetAll();   // two faults each: the next kind must find the breaker closed
        }
    }

    @Test
    void aRoutedReadThatTimesOutIs504AndIsNotRetried() {
        org.register(get(urlPathEqualTo(SAMPLES + "/330602"))
                .willReturn(okJson("{\"code\":\"330602\"}").withFixedDelay((int) (2 * Downstream.TIMEOUT_MS))));

        given().auth().oauth2(ADMIN).get(SAMPLES + "/330602").then().statusCode(504)
                .body("detail", is("org-service did not answer within " + Downstream.TIMEOUT_MS + " ms."));
        org.verifyThat(1, getRequestedFor(urlPathEqualTo(SAMPLES + "/330602")));
    }

    /**
     * Issue 24: imports cannot starve reads. Sixty slow imports at once (more than a REST client has connections): the
     * bulkhead sends {@value Downstream#BULK_CONCURRENCY} at a time, lets {@value Downstream#BULK_QUEUE} wait and refuses
     * the rest at once, sending nothing of them; meanwhile reads of the same service and interface answer, each
     * within its timeout (a read past it would be a 504).
     */
    @Test
    void slowImportsNeverDelayReadsBeyondTheirTimeout() throws Exception {
        int imports = 60;
        int slowMs = (int) Downstream.TIMEOUT_MS + 500;
        org.register(post(urlPathEqualTo(SAMPLES + "/batch")).willReturn(okJson("1").withFixedDelay(slowMs)));
        org.register(get(urlPathEqualTo(SAMPLES + "/330602")).willReturn(okJson("{\"code\":\"330602\",\"name\":\"越城区\"}")));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest importing = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + SAMPLES + "/batch"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"code\":\"330602\"}]")).build();

        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < imports; i++) {
            sent.add(http.sendAsync(importing, HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (org.find(postRequestedFor(urlPathEqualTo(SAMPLES + "/batch"))).size() < Downstream.BULK_CONCURRENCY) {
            assertThat(System.nanoTime()).as("the first imports reach org-service within 10 s").isLessThan(deadline);
            Thread.sleep(20);   // polling, with the deadline above
        }
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(ADMIN).get(SAMPLES + "/330602").then().statusCode(200).body("name", is("越城区"));
        }
        assertThat(sent.stream().filter(f -> !f.isDone()).count()).as("imports still running during the reads").isPositive();

        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();
        long done = answers.stream().filter(a -> a.statusCode() == 200).count();
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() != 200).toList();
        assertThat(done).isEqualTo(Downstream.BULK_CONCURRENCY + Downstream.BULK_QUEUE);
        assertThat(refused).hasSize(imports - (int) done).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(503);
            assertThat(a.body()).contains("org-service has as many imports running and waiting as the gateway allows it; "
                    + "try again later. Nothing was sent.");
        });
        org.verifyThat((int) done, postRequestedFor(urlPathEqualTo(SAMPLES + "/batch")));   // the refused ones never left
        assertThat(breakers.currentState("org-service/imports")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    private ResponseDefinitionBuilder problem(int status, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", Problem.MEDIA_TYPE)
                .withBody(toJson(Problem.of(status, status == 404 ? "Not Found" : "Bad Request", detail)));
    }

    private static ValidatableResponse report(String county) {
        return given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}?year=2025&asOf=2026-11-22", county).then().statusCode(200);
    }

}
