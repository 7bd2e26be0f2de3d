package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.gateway.ComplianceFixtures.items;
import static luoshi.gateway.ComplianceViewsTest.stubItems;
import static luoshi.testing.TestTokens.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The gateway verifies the token itself, checks the region of what it aggregates, and forwards the
 * caller's token to the services, which check it again; the audit trail is the three services'
 * trails merged.
 */
@QuarkusTest
class GatewaySecurityTest extends DownstreamTest {

    private static final String COUNTY = "330681";   // 诸暨市

    @Test
    void aCallWithoutAGoodTokenStopsAtTheGateway() {
        given().get("/api/v1/compliance/{code}", COUNTY).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.expired("admin", "000000")).get("/api/v1/regions/330600").then().statusCode(401);
        given().auth().oauth2(TestTokens.tampered("viewer", "330600")).post("/api/v1/reminders/run").then().statusCode(401);
        // API.md, Tokens: the audience is configured here (JwtTestResource)
        given().auth().oauth2(TestTokens.withoutAudience("admin", "000000")).get("/api/v1/regions/330600").then()
                .statusCode(401).body("detail", containsString("aud claim"));
        given().auth().oauth2(TestTokens.issuedInTheFuture("admin", "000000")).get("/api/v1/regions/330600").then()
                .statusCode(401).body("detail", containsString("issued in the future"));
        given().auth().oauth2(TestTokens.livingLongerThanADay("admin", "000000")).get("/api/v1/regions/330600").then()
                .statusCode(401).body("detail", containsString("lives longer"));
        assertNoServiceWasCalled();
    }

    @Test
    void theCallersTokenIsForwardedToEveryService() {
        String viewer = token("viewer", "330600");
        for (WireMock service : List.of(org, funding, review)) {
            stubItems(service, COUNTY, toJson(items(COUNTY, "诸暨市")));
        }
        given().auth().oauth2(viewer).get("/api/v1/compliance/{code}", COUNTY).then().statusCode(200);
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(1, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/" + COUNTY))
                    .withHeader("Authorization", equalTo("Bearer " + viewer)));
        }
    }

    @Test
    void complianceOutsideTheCallersSubtreeIsRefusedBeforeAnyServiceIsAsked() {
        given().auth().oauth2(token("viewer", "330100")).get("/api/v1/compliance/{code}/rollup", COUNTY).then()
                .statusCode(403).body("detail", containsString("outside your region 330100"));
        assertNoServiceWasCalled();
    }

    @Test
    void aServicesRefusalPassesThroughUnchanged() {
        org.register(get(urlPathEqualTo("/api/v1/regions/330100")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"region 330100 lies outside your region 330600\"}")));
        given().auth().oauth2(token("viewer", "330600")).get("/api/v1/regions/330100").then().statusCode(403)
                .body("detail", is("region 330100 lies outside your region 330600"));
    }

    @Test
    void theAuditTrailMergesTheThreeServicesNewestFirst() {
        stubAudit(org, 1, event("org:7", "2026-03-01T08:00:00Z"));
        stubAudit(funding, 2, event("funding:9", "2026-03-03T08:00:00Z"), event("funding:8", "2026-02-01T08:00:00Z"));
        stubAudit(review, 1, event("review:3", "2026-03-02T08:00:00Z"));

        given().auth().oauth2(token("admin", "330600")).queryParam("size", 2).get("/api/v1/audit").then().statusCode(200)
                .body("items.id", contains("funding:9", "review:3")).body("total", is(4));
        given().auth().oauth2(token("admin", "330600")).queryParam("size", 2).queryParam("page", 1).get("/api/v1/audit")
                .then().statusCode(200).body("items.id", contains("org:7", "funding:8"));
        // each service was asked for the caller's region, its newest (page + 1) × size
        funding.verifyThat(getRequestedFor(urlPathEqualTo("/internal/v1/audit"))
                .withQueryParam("regionCode", equalTo("330600")).withQueryParam("limit", equalTo("4")));

        given().auth().oauth2(token("operator", "330600")).get("/api/v1/audit").then().statusCode(403);
        given().auth().oauth2(token("admin", "330600")).queryParam("regionCode", "330100").get("/api/v1/audit")
                .then().statusCode(403);
        given().auth().oauth2(token("admin", "330600")).queryParam("page", 100).queryParam("size", 500)
                .get("/api/v1/audit").then().statusCode(400).body("violations[0].field", is("page"));
    }

    @Test
    void anIncompleteAuditTrailIsAnErrorNotAShorterList() {
        stubAudit(org, 1, event("org:7", "2026-03-01T08:00:00Z"));
        stubAudit(funding, 0);
        review.register(get(urlPathEqualTo("/internal/v1/audit")).willReturn(aResponse().withStatus(500)));
        given().auth().oauth2(token("admin", "330600")).get("/api/v1/audit").then().statusCode(503)
                .body("detail", containsString("review-service"));
    }

    private void stubAudit(WireMock service, int total, String... events) {
        service.register(get(urlPathEqualTo("/internal/v1/audit")).willReturn(okJson(
                "{\"items\":[" + String.join(",", events) + "],\"page\":0,\"size\":50,\"total\":" + total + "}")));
    }

    private static String event(String id, String at) {
        String service = id.substring(0, id.indexOf(':'));
        return "{\"id\":\"" + id + "\",\"at\":\"" + at + "\",\"service\":\"" + service + "\",\"actor\":\"li.si@330600\","
                + "\"action\":\"CREATE\",\"entity\":\"meeting\",\"entityId\":\"1\",\"regionCode\":\"330602\","
                + "\"requestId\":null,\"change\":{\"before\":null,\"after\":{}}}";
    }
}
