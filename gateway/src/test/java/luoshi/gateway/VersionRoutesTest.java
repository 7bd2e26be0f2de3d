package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Versions and ETags" through the gateway: the caller's If-Match reaches the service that owns the resource,
 * the service's version comes back as the same ETag, and its 412 is relayed with the current ETag; a malformed
 * If-Match stops at the gateway.
 */
@QuarkusTest
class VersionRoutesTest extends DownstreamTest {

    private static final String FUNDING = "/api/v1/funding/1024";

    private static String record(String amount, long version) {
        return "{\"id\":\"1024\",\"regionCode\":\"330602001\",\"category\":\"YOUTH_LEAGUE_WORK\",\"fiscalYear\":2025,"
                + "\"amount\":\"" + amount + "\",\"documentRef\":\"绍市财〔2025〕12号\",\"version\":" + version + "}";
    }

    @Test
    void theServicesVersionIsAnsweredAsTheSameETag() {
        funding.register(get(urlPathEqualTo(FUNDING)).willReturn(okJson(record("20000.00", 3)).withHeader("ETag", "\"3\"")));
        given().auth().oauth2(ADMIN).get(FUNDING).then().statusCode(200).header("ETag", "\"3\"").body("version", is(3));
    }

    @Test
    void ifMatchReachesTheServiceAndTheWrittenVersionComesBack() {
        funding.register(patch(urlPathEqualTo(FUNDING)).willReturn(okJson(record("20500.00", 4))));
        funding.register(put(urlPathEqualTo("/api/v1/union-fees/330602/2025")).willReturn(okJson("""
                {"regionCode":"330602","year":2025,"due":"1200000.00","collected":"1188000.00","version":8}""")));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{\"amount\":\"20500.00\"}")
                .patch(FUNDING).then().statusCode(200).header("ETag", "\"4\"").body("amount", is("20500.00"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"7\", \"9\"")
                .body("{\"due\":\"1200000.00\",\"collected\":\"1188000.00\"}").put("/api/v1/union-fees/330602/2025").then()
                .statusCode(200).header("ETag", "\"8\"");

        funding.verifyThat(1, patchRequestedFor(urlPathEqualTo(FUNDING)).withHeader("If-Match", equalTo("\"3\""))
                .withRequestBody(equalToJson("{\"amount\":\"20500.00\"}")));
        funding.verifyThat(1, putRequestedFor(urlPathEqualTo("/api/v1/union-fees/330602/2025"))
                .withHeader("If-Match", equalTo("\"7\", \"9\"")));
    }

    @Test
    void aServicesPreconditionFailedIsRelayedWithTheCurrentETag() {
        funding.register(patch(urlPathEqualTo(FUNDING)).willReturn(aResponse().withStatus(412)
                .withHeader("Content-Type", "application/problem+json").withHeader("ETag", "\"5\"").withBody("""
                        {"type":"about:blank","title":"Precondition Failed","status":412,"etag":"\\"5\\"",
                         "detail":"The funding record 1024 is at version \\"5\\", not \\"3\\": it was changed since you read it."}""")));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"3\"").body("{\"amount\":\"20500.00\"}")
                .patch(FUNDING).then().statusCode(412).contentType("application/problem+json").header("ETag", "\"5\"")
                .body("etag", is("\"5\"")).body("title", is("Precondition Failed"));
    }

    @Test
    void aMalformedIfMatchIsA400AtTheGateway() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "3").body("{\"amount\":\"20500.00\"}")
                .patch(FUNDING).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("If-Match"));
        assertNoServiceWasCalled();
    }
}
