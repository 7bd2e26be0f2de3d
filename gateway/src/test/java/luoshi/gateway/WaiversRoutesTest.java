package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.common.Problem;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionLevel;
import luoshi.api.waiver.Waiver;
import luoshi.api.waiver.WaiverList;
import luoshi.gateway.rest.RequirementsRoutes;
import luoshi.platform.IdempotencyKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Waivers at the gateway (issue 17): a new one goes to the owner of its requirement, the list merges the services'
 * lists, and a revocation asks every service, since only the one that keeps a waiver knows its id.
 */
@QuarkusTest
class WaiversRoutesTest extends DownstreamTest {

    private static final String WAIVERS = "/api/v1/waivers";
    private static final String REASON = "2025年受台风灾害影响，经费调剂用于灾后重建";
    private static final String NEW_WAIVER = """
            {"requirementId":"TOWNSHIP_YOUTH_LEAGUE_FUNDING","regionCode":"330602001","from":"2025-01-01",
             "to":"2025-12-31","reason":"%s","documentRef":"越政办〔2025〕12号"}""".formatted(REASON);

    @BeforeEach
    void catalogs() {
        catalog(org, requirement("TOWNSHIP_FULL_TIME_HEADS", "org"));
        catalog(funding, requirement("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "funding"));
        catalog(review, requirement("ANNUAL_COMMITTEE_STUDY", "review"));
    }

    @Test
    void aWaiverGoesToTheOwnerOfItsRequirementWithItsIdempotencyKey() {
        Waiver granted = waiver("7c1e2a9b-5d3f-4e8a-9b0c-1d2e3f4a5b6c", "330602001", "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "2025-01-01");
        funding.register(post(urlPathEqualTo(WAIVERS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", "http://funding.internal:8082" + WAIVERS + "/" + granted.id())
                .withBody(toJson(granted))));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header(IdempotencyKey.HEADER, "waiver-330602001-2025")
                .body(NEW_WAIVER).post(WAIVERS).then().statusCode(201)
                .header("Location", endsWith(WAIVERS + "/" + granted.id()))
                .body("id", is(granted.id()))
                .body("approvedBy", is("admin@330602"))
                .body("approvedByRegion", is("330602"))
                .body("reason", is(REASON))
                .body("revokedAt", nullValue());
        funding.verifyThat(1, postRequestedFor(urlPathEqualTo(WAIVERS)).withRequestBody(equalToJson(NEW_WAIVER))
                .withHeader(IdempotencyKey.HEADER, equalTo("waiver-330602001-2025")));
        org.verifyThat(0, postRequestedFor(anyUrl()));
        review.verifyThat(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aWaiverOfAnUnknownRequirementIs404NamingItAndNothingIsWritten() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(NEW_WAIVER.replace("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "NO_SUCH_REQUIREMENT")).post(WAIVERS).then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("NO_SUCH_REQUIREMENT"));
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(0, postRequestedFor(anyUrl()));
        }
    }

    @Test
    void aWaiverWithoutReasonIs400NamingItAndReachesNoService() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(NEW_WAIVER.replace(REASON, " ")).post(WAIVERS).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                // a blank reason breaks both @NotBlank and @PlainText: each names the field
                .body("violations.field", hasItem("reason"))
                .body("violations.field", everyItem(is("reason")));
        assertNoServiceWasCalled();
    }

    /** The owner's refusal (403: a region never waives itself) reaches the caller unchanged. */
    @Test
    void theOwnersRefusalReachesTheCallerUnchanged() {
        funding.register(post(urlPathEqualTo(WAIVERS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", Problem.MEDIA_TYPE).withBody(toJson(Problem.of(403, "Forbidden",
                        "Only an admin of a region strictly above 330602001 may waive its requirements.")))));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(NEW_WAIVER).post(WAIVERS).then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", is("Only an admin of a region strictly above 330602001 may waive its requirements."));
        funding.verifyThat(1, postRequestedFor(urlPathEqualTo(WAIVERS)));
    }

    @Test
    void theListMergesTheServicesWaiversOrderedByRegionRequirementAndStart() {
        org.register(get(urlPathEqualTo(WAIVERS)).willReturn(okJson(toJson(new WaiverList(List.of(
                waiver("o-1", "330602001", "TOWNSHIP_FULL_TIME_HEADS", "2025-01-01")))))));
        funding.register(get(urlPathEqualTo(WAIVERS)).willReturn(okJson(toJson(new WaiverList(List.of(
                waiver("f-2", "330602002", "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "2025-01-01"),
                waiver("f-1", "330602001", "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "2026-01-01"),
                waiver("f-0", "330602001", "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "2024-01-01")))))));
        review.register(get(urlPathEqualTo(WAIVERS)).willReturn(okJson(toJson(new WaiverList(List.of(
                waiver("r-1", "330602001", "ANNUAL_COMMITTEE_STUDY", "2025-01-01")))))));

        given().auth().oauth2(ADMIN).get(WAIVERS + "?regionCode=330602&activeOn=2025-06-30").then().statusCode(200)
                .header(RequirementsRoutes.INCOMPLETE_HEADER, nullValue())
                .body("items.id", contains("r-1", "o-1", "f-0", "f-1", "f-2"))
                .body("items[1].reason", is(REASON));
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(1, getRequestedFor(urlPathEqualTo(WAIVERS)).withQueryParam("regionCode", equalTo("330602"))
                    .withQueryParam("activeOn", equalTo("2025-06-30")));
        }
    }

    @Test
    void aMissingServiceIsNamedInAHeader() {
        org.register(get(urlPathEqualTo(WAIVERS)).willReturn(okJson(toJson(new WaiverList(List.of())))));
        funding.register(get(urlPathEqualTo(WAIVERS)).willReturn(aResponse().withStatus(503)));
        review.register(get(urlPathEqualTo(WAIVERS)).willReturn(okJson(toJson(new WaiverList(List.of(
                waiver("r-1", "330602001", "ANNUAL_COMMITTEE_STUDY", "2025-01-01")))))));

        given().auth().oauth2(ADMIN).get(WAIVERS + "?regionCode=330602").then().statusCode(200)
                .header(RequirementsRoutes.INCOMPLETE_HEADER, is("funding-service"))
                .body("items.id", contains("r-1"));
    }

    /** org-service owns the regions: its 404 for an unknown region is the answer. */
    @Test
    void anUnknownRegionIsOrgServices404() {
        org.register(get(urlPathEqualTo(WAIVERS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", Problem.MEDIA_TYPE).withBody(toJson(Problem.of(404, "Not Found", "No region 339999.")))));
        for (WireMock service : List.of(funding, review)) {
            service.register(get(urlPathEqualTo(WAIVERS)).willReturn(okJson(toJson(new WaiverList(List.of())))));
        }

        given().auth().oauth2(ADMIN).get(WAIVERS + "?regionCode=339999").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("detail", is("No region 339999."));
    }

    /** With a requirement, only its owner keeps its waivers: the others are not asked. */
    @Test
    void theListOfOneRequirementAsksItsOwnerOnly() {
        funding.register(get(urlPathEqualTo(WAIVERS)).willReturn(okJson(toJson(new WaiverList(List.of(
                waiver("f-1", "330602001", "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "2025-01-01")))))));

        given().auth().oauth2(ADMIN).get(WAIVERS + "?regionCode=330602&requirementId=TOWNSHIP_YOUTH_LEAGUE_FUNDING").then()
                .statusCode(200).body("items.id", contains("f-1"));
        funding.verifyThat(1, getRequestedFor(urlPathEqualTo(WAIVERS))
                .withQueryParam("requirementId", equalTo("TOWNSHIP_YOUTH_LEAGUE_FUNDING")));
        org.verifyThat(0, getRequestedFor(urlPathEqualTo(WAIVERS)));
        review.verifyThat(0, getRequestedFor(urlPathEqualTo(WAIVERS)));

        given().auth().oauth2(ADMIN).get(WAIVERS + "?requirementId=NO_SUCH_REQUIREMENT").then().statusCode(404)
                .body("detail", containsString("NO_SUCH_REQUIREMENT"));
    }

    @Test
    void aRevocationIs204WhenTheServiceThatKeepsTheWaiverRevokesIt() {
        String id = "7c1e2a9b-5d3f-4e8a-9b0c-1d2e3f4a5b6c";
        notFound(org, id);
        funding.register(delete(urlPathEqualTo(WAIVERS + "/" + id)).willReturn(aResponse().withStatus(204)));
        notFound(review, id);

        given().auth().oauth2(ADMIN).delete(WAIVERS + "/" + id).then().statusCode(204);
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(1, deleteRequestedFor(urlPathEqualTo(WAIVERS + "/" + id)));
        }
    }

    @Test
    void aRevocationRefusedByTheServiceThatKeepsTheWaiverIs403() {
        String id = "7c1e2a9b-5d3f-4e8a-9b0c-1d2e3f4a5b6c";
        notFound(org, id);
        notFound(funding, id);
        review.register(delete(urlPathEqualTo(WAIVERS + "/" + id)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", Problem.MEDIA_TYPE).withBody(toJson(Problem.of(403, "Forbidden",
                        "Only an admin of a region strictly above 330602001 may revoke its waivers.")))));

        given().auth().oauth2(ADMIN).delete(WAIVERS + "/" + id).then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", is("Only an admin of a region strictly above 330602001 may revoke its waivers."));
    }

    @Test
    void aWaiverNoServiceKnowsIs404() {
        String id = "00000000-0000-0000-0000-000000000000";
        for (WireMock service : List.of(org, funding, review)) {
            notFound(service, id);
        }

        given().auth().oauth2(ADMIN).delete(WAIVERS + "/" + id).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString(id));
    }

    /** The service that did not answer may be the one that keeps it: neither 204 nor 404 would be true. */
    @Test
    void aRevocationWhileAServiceIsDownIs503NamingIt() {
        String id = "7c1e2a9b-5d3f-4e8a-9b0c-1d2e3f4a5b6c";
        notFound(org, id);
        funding.register(delete(urlPathEqualTo(WAIVERS + "/" + id)).willReturn(aResponse().withStatus(503)));
        notFound(review, id);

        given().auth().oauth2(ADMIN).delete(WAIVERS + "/" + id).then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("funding-service"));
        funding.verifyThat(1, deleteRequestedFor(urlPathEqualTo(WAIVERS + "/" + id)));   // a write is never retried
    }

    private void notFound(WireMock service, String id) {
        service.register(delete(urlPathEqualTo(WAIVERS + "/" + id)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", Problem.MEDIA_TYPE).withBody(toJson(Problem.of(404, "Not Found", "No waiver " + id + ".")))));
    }

    private static Waiver waiver(String id, String regionCode, String requirementId, String from) {
        LocalDate start = LocalDate.parse(from);
        return new Waiver(id, requirementId, regionCode, start, start.plusYears(1).minusDays(1), REASON, "越政办〔2025〕12号",
                "admin@330602", "330602", Instant.parse("2026-11-22T02:00:00Z"), null, null);
    }

    private Requirement requirement(String id, String owner) {
        return new Requirement(id, id.toLowerCase(), id, "SHAOXING-2015", "330600", List.of(RegionLevel.TOWNSHIP),
                RequirementPeriod.YEAR, json.createObjectNode().put("type", "FUNDING_MIN_AMOUNT"), null, owner);
    }
}
