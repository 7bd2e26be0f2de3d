package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import luoshi.gateway.rest.RequirementsRoutes;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/rule-types}: the types the three services declare, merged; the gateway keeps no list of its own.
 */
@QuarkusTest
class RuleTypesRoutesTest extends DownstreamTest {

    private static final String RULE_TYPES = "/api/v1/rule-types";
    /** Any caller may read the types: a township's viewer. */
    private static final String VIEWER = TestTokens.token("viewer", "330602001");

    @Test
    void theListIsTheThreeServicesDeclarationsOrderedByType() {
        ruleTypes(org, "org", "LEADER_SHARE", "ORGANIZATION_COVERAGE");
        funding.register(get(urlPathEqualTo(RULE_TYPES)).willReturn(okJson("""
                {"items":[{"type":"FUNDING_MIN_AMOUNT","owner":"funding",
                           "example":{"type":"FUNDING_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"20000.00"},
                           "adjustable":["minAmount"],"threshold":"minAmount"}]}""")));
        ruleTypes(review, "review", "MEETING_COUNT");

        given().auth().oauth2(VIEWER).header("Cache-Control", "no-cache").get(RULE_TYPES).then().statusCode(200)
                .header(RequirementsRoutes.INCOMPLETE_HEADER, nullValue())
                .body("items.type", contains("FUNDING_MIN_AMOUNT", "LEADER_SHARE", "MEETING_COUNT", "ORGANIZATION_COVERAGE"))
                .body("items.owner", contains("funding", "org", "review", "org"))
                .body("items[0].example.minAmount", is("20000.00"))
                .body("items[0].adjustable", contains("minAmount"))
                .body("items[0].threshold", is("minAmount"));
    }

    /** Kept for a while: a second read asks no service; no-cache asks them again. */
    @Test
    void theMergedListIsKeptAndAskedAfreshOnNoCache() {
        ruleTypesOfTheThreeServices();

        given().auth().oauth2(VIEWER).header("Cache-Control", "no-cache").get(RULE_TYPES).then().statusCode(200)
                .body("items.size()", is(8));
        given().auth().oauth2(VIEWER).get(RULE_TYPES).then().statusCode(200).body("items.size()", is(8));
        org.verifyThat(1, getRequestedFor(urlPathEqualTo(RULE_TYPES)));
        given().auth().oauth2(VIEWER).header("Cache-Control", "no-cache").get(RULE_TYPES).then().statusCode(200);
        org.verifyThat(2, getRequestedFor(urlPathEqualTo(RULE_TYPES)));
    }

    @Test
    void aServiceThatDoesNotAnswerIsNamedInAHeader() {
        ruleTypes(org, "org", "LEADER_SHARE");
        ruleTypes(funding, "funding", "FUNDING_MIN_AMOUNT");
        review.register(get(urlPathEqualTo(RULE_TYPES)).willReturn(aResponse().withStatus(503)));

        given().auth().oauth2(VIEWER).header("Cache-Control", "no-cache").get(RULE_TYPES).then().statusCode(200)
                .header(RequirementsRoutes.INCOMPLETE_HEADER, is("review-service"))
                .body("items.type", contains("FUNDING_MIN_AMOUNT", "LEADER_SHARE"));
    }
}
