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
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
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

    @Test
    void theCorrectionsAreDocumentedWithNamedBodySchemasAndExamples() {
        JsonNode doc = exact(given().auth().oauth2(ADMIN).accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
        JsonNode patchLeader = doc.get("paths").get("/api/v1/organizations/{id}/leaders/{leaderId}").get("patch");
        assertThat(patchLeader.get("operationId").asText()).isEqualTo("patchLeader");
        JsonNode body = patchLeader.get("requestBody").get("content").get("application/json");
        assertThat(body.get("schema").get("$ref").asText()).endsWith("/LeaderPatch");
        assertThat(body.get("examples").toString()).contains("2025-06-30", "FULL_TIME", "恢复在任");
        assertThat(patchLeader.get("responses").get("200").toString()).contains("/Leader\"");
        assertThat(patchLeader.get("responses").fieldNames()).toIterable().contains("200", "400", "404");
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("LeaderPatch").get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("name", "role", "employment", "frontline", "from", "to",
                        "partyCommitteeMember");   // REQUIREMENTS.md second wave: the union-head refinement
        assertThat(schemas.get("OrganizationPatch").get("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("regionCode", "type", "name", "superiorId");
        JsonNode organization = doc.get("paths").get("/api/v1/organizations/{id}");
        assertThat(organization.get("patch").get("operationId").asText()).isEqualTo("patchOrganization");
        assertThat(organization.get("delete").get("operationId").asText()).isEqualTo("deleteOrganization");
        assertThat(organization.get("delete").get("responses").fieldNames()).toIterable().contains("204", "404", "409");
        assertThat(doc.get("paths").get("/api/v1/regions/{code}/population/{year}").get("delete").get("operationId").asText())
                .isEqualTo("deletePopulation");
    }
}
