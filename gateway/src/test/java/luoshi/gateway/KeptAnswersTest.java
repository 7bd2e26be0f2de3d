package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static luoshi.gateway.ComplianceFixtures.item;
import static luoshi.gateway.ComplianceFixtures.items;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.BooleanSupplier;
import luoshi.api.compliance.AnswerVersionFeed;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.gateway.client.VersionBooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's kept answers (issue #29; API.md, "Kept answers and consistency tokens"): a repeated question whose
 * versions, as the services' feeds say them, have not moved is answered and 304'd with no downstream call; a write in a
 * township moves that township's answers and not another county's; a write seen through the gateway, a consistency
 * token ahead of the feeds, {@code Cache-Control: no-cache} or a feed that stops sends the question to the services
 * again.
 */
@QuarkusTest
class KeptAnswersTest extends DownstreamTest {

    private static final String TOWNSHIP = "330602001";
    private static final String OTHER_COUNTY = "330683";
    private static final String FEED = "/internal/v1/answer-versions";

    @Inject
    VersionBooks books;

    /** Each test asks of another date, so that no test finds another's kept answers. */
    private static int day = 0;
    private String asOf;

    @BeforeEach
    void anotherDate() {
        asOf = "2026-11-" + (10 + day++);
        everyServiceAnswers();
    }

    void everyServiceAnswers() {
        for (WireMock service : List.of(org, funding, review)) {
            for (String code : List.of(TOWNSHIP, OTHER_COUNTY)) {
                String name = code.equals(TOWNSHIP) ? "塔山街道" : "嵊州市";
                service.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + code)).willReturn(okJson(toJson(
                        items(code, name, item("R_" + code, ComplianceStatus.COMPLIANT))))
                        .withHeader(ComplianceSource.ANSWER_VERSION_HEADER, version(service, code))));
            }
        }
    }

    /** What each service says of its answers' versions: the township's subtree counter 4 at org, 7 at funding. */
    private String version(WireMock service, String code) {
        if (code.equals(OTHER_COUNTY)) {
            return "2.0.0.0.0";
        }
        return (service == funding ? fundingTownship : service == org ? 4 : 1) + ".0.0.0.0.0";
    }

    private long fundingTownship = 7;

    /** The feed of every service at data version {@code version}, the counters as {@link #version} says them. */
    private void feeds(long version) {
        for (WireMock service : List.of(org, funding, review)) {
            long township = service == funding ? fundingTownship : service == org ? 4 : 1;
            service.register(get(urlPathEqualTo(FEED)).willReturn(okJson("{\"version\":" + version + ",\"marks\":["
                    + "{\"regionCode\":\"" + TOWNSHIP + "\",\"subtree\":" + township + ",\"below\":0},"
                    + "{\"regionCode\":\"" + OTHER_COUNTY + "\",\"subtree\":2,\"below\":0}]}").withFixedDelay(50)));
        }
    }

    private void awaitBooks(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the books in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void awaitCurrentAt(long version) throws InterruptedException {
        awaitBooks(() -> List.of("org", "funding", "review").stream()
                .allMatch(o -> books.of(o).current(version)));
    }

    private ExtractableResponse<Response> read(String code, String... headers) {
        var request = given().auth().oauth2(ADMIN);
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.get("/api/v1/compliance/" + code + "?year=2025&asOf=" + asOf).then().extract();
    }

    private int calls(WireMock service, String code) {
        return service.find(getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/" + code))).size();
    }

    private int callsOfAll(String code) {
        return calls(org, code) + calls(funding, code) + calls(review, code);
    }

    @Test
    void aRepeatedQuestionIsAnsweredAndConfirmedWithoutAnyDownstreamCall() throws Exception {
        feeds(10);
        awaitCurrentAt(10);
        ExtractableResponse<Response> first = read(TOWNSHIP);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(callsOfAll(TOWNSHIP)).isEqualTo(3);

        ExtractableResponse<Response> again = read(TOWNSHIP);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(first.header("Age")).as("computed for its request").isNull();
        assertThat(again.header("Age")).as("a kept answer says its age").isEqualTo("0");
        ExtractableResponse<Response> confirmed = read(TOWNSHIP, "If-None-Match", first.header("ETag"));
        assertThat(confirmed.statusCode()).isEqualTo(304);
        assertThat(callsOfAll(TOWNSHIP)).as("no call after the first").isEqualTo(3);

        // Cache-Control: no-cache asks the services
        assertThat(read(TOWNSHIP, "Cache-Control", "no-cache").statusCode()).isEqualTo(200);
        assertThat(callsOfAll(TOWNSHIP)).isEqualTo(6);
    }

    @Test
    void aTownshipsWriteMovesItsAnswersAndLeavesAnotherCountysAsKept() throws Exception {
        feeds(10);
        awaitCurrentAt(10);
        String township = read(TOWNSHIP).header("ETag");
        String county = read(OTHER_COUNTY).header("ETag");
        assertThat(callsOfAll(TOWNSHIP) + callsOfAll(OTHER_COUNTY)).isEqualTo(6);

        fundingTownship = 8;   // a funding write in the township: its subtree counter and the data version move
        everyServiceAnswers();
        feeds(11);
        awaitCurrentAt(11);

        assertThat(read(OTHER_COUNTY, "If-None-Match", county).statusCode()).isEqualTo(304);
        assertThat(callsOfAll(OTHER_COUNTY)).as("the other county's answer is still kept").isEqualTo(3);
        ExtractableResponse<Response> moved = read(TOWNSHIP, "If-None-Match", township);
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.header("ETag")).isNotEqualTo(township);
        assertThat(callsOfAll(TOWNSHIP)).isEqualTo(6);
        assertThat(read(TOWNSHIP).header("ETag")).isEqualTo(moved.header("ETag"));
        assertThat(callsOfAll(TOWNSHIP)).as("kept again at its new versions").isEqualTo(6);
    }

    @Test
    void aWriteThroughTheGatewayAndATokenAheadOfTheFeedsAskTheServices() throws Exception {
        feeds(10);
        awaitCurrentAt(10);
        read(TOWNSHIP);
        read(TOWNSHIP);
        assertThat(callsOfAll(TOWNSHIP)).isEqualTo(3);

        // a write whose answer says org-service is at 12, before the feed says so: org's book is behind until it does
        org.register(delete(urlPathEqualTo("/api/v1/organizations/41")).willReturn(aResponse().withStatus(204)
                .withHeader(AnswerVersionFeed.DATA_VERSION_HEADER, "12")));
        ExtractableResponse<Response> write = given().auth().oauth2(ADMIN).delete("/api/v1/organizations/41").then()
                .extract();
        assertThat(write.statusCode()).isEqualTo(204);
        assertThat(write.header("Luoshi-Consistency")).isEqualTo("org=12;funding=10;review=10");
        assertThat(read(TOWNSHIP).statusCode()).isEqualTo(200);
        assertThat(callsOfAll(TOWNSHIP)).as("asked, not kept").isEqualTo(6);

        feeds(12);
        awaitCurrentAt(12);
        read(TOWNSHIP);
        assertThat(callsOfAll(TOWNSHIP)).as("kept again once the feed has the write").isEqualTo(6);

        // another gateway's write: its token names a version this gateway's feed has not brought yet
        assertThat(read(TOWNSHIP, "Luoshi-Consistency", "funding=13").statusCode()).isEqualTo(200);
        assertThat(callsOfAll(TOWNSHIP)).isEqualTo(9);
        assertThat(read(TOWNSHIP, "Luoshi-Consistency", "org=12;funding=12;review=3").statusCode()).isEqualTo(200);
        assertThat(callsOfAll(TOWNSHIP)).as("a token the feeds have reached: kept").isEqualTo(9);
    }

    @Test
    void aMalformedTokenIsA400NamingTheHeaderAndAsksNoService() throws Exception {
        for (String token : List.of("org=1;org=2", "org=-1", "other=1", "org=1,funding=2", "org=99999999999999999999",
                "")) {
            ExtractableResponse<Response> refused = read(TOWNSHIP, "Luoshi-Consistency", token);
            assertThat(refused.statusCode()).as(token).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.asString()).contains("Luoshi-Consistency");
        }
        assertThat(callsOfAll(TOWNSHIP)).isZero();
    }

    @Test
    void aFeedThatStopsLeavesNoKeptAnswerServedPastItsBound() throws Exception {
        feeds(10);
        awaitCurrentAt(10);
        read(TOWNSHIP);
        read(TOWNSHIP);
        assertThat(callsOfAll(TOWNSHIP)).isEqualTo(3);

        // funding's feed stops answering (a restart, a partition): within wait + grace, no kept answer is given
        funding.register(get(urlPathMatching(FEED + ".*")).willReturn(aResponse().withFixedDelay(60_000).withStatus(200)));
        long stopped = System.nanoTime();
        awaitBooks(() -> !books.of("funding").current(0));
        assertThat((System.nanoTime() - stopped) / 1_000_000).isLessThan(3 * Downstream.FEED_WAIT_MS + 500);
        read(TOWNSHIP);
        assertThat(callsOfAll(TOWNSHIP)).isEqualTo(6);
    }
}
