package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.security.testing.TestTokens.ADMIN;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The corrections of org-service (API.md, "Corrections") through the gateway: a PATCH body reaches the service as it
 * was sent, so a field given as null ({@code "to": null} reopens a tenure) still differs from one left out.
 */
@QuarkusTest
class CorrectionRoutesTest extends DownstreamTest {

    private static final String LEADER = "/api/v1/organizations/41/leaders/7";

    @Test
    void aLeaderPatchReachesOrgServiceAsSent() {
        org.register(patch(urlPathEqualTo(LEADER)).willReturn(okJson("""
                {"id":7,"organizationId":41,"name":"王丽","role":"HEAD","employment":"FULL_TIME","frontline":false,
                 "from":"2024-01-01","to":null}""")));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"to\":null}").patch(LEADER).then().statusCode(200)
                .body("name", is("王丽")).body("to", nullValue());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"employment\":\"FULL_TIME\"}").patch(LEADER).then()
                .statusCode(200);

        org.verifyThat(1, patchRequestedFor(urlPathEqualTo(LEADER)).withRequestBody(equalToJson("{\"to\":null}")));
        org.verifyThat(1, patchRequestedFor(urlPathEqualTo(LEADER))
                .withRequestBody(equalToJson("{\"employment\":\"FULL_TIME\"}")));
    }

    @Test
    void deletionsAreRelayedAs204() {
        org.register(delete(urlPathEqualTo("/api/v1/regions/330602/population/2025")).willReturn(aResponse().withStatus(204)));
        org.register(delete(urlPathEqualTo("/api/v1/organizations/41")).willReturn(aResponse().withStatus(204)));

        given().auth().oauth2(ADMIN).delete("/api/v1/regions/330602/population/2025").then().statusCode(204);
        given().auth().oauth2(ADMIN).delete("/api/v1/organizations/41").then().statusCode(204);

        org.verifyThat(1, deleteRequestedFor(urlPathEqualTo("/api/v1/regions/330602/population/2025")));
        org.verifyThat(1, deleteRequestedFor(urlPathEqualTo("/api/v1/organizations/41")));
    }
}
