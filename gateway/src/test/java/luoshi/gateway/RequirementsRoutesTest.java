package luoshi.gateway;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import luoshi.api.common.Problem;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionLevel;
import luoshi.gateway.rest.RequirementsRoutes;
import org.junit.jupiter.api.Test;

/** The catalog at the gateway: merged on read, each write routed to the service that declares the rule type or owns the requirement. */
@QuarkusTest
class RequirementsRoutesTest extends DownstreamTest {

    private static final String CATALOG = "/api/v1/requirements";

    @Test
    void theListMergesTheThreeCatalogsOrderedById() {
        catalog(org, requirement("TOWNSHIP_FULL_TIME_HEADS", "LEADER_EMPLOYMENT", "org"));
        catalog(funding, requirement("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "FUNDING_MIN_AMOUNT", "funding"),
                requirement("UNION_FEES_FULL_COLLECTION", "COLLECTION_RATE", "funding"));
        catalog(review, requirement("ANNUAL_COMMITTEE_STUDY", "MEETING_COUNT", "review"));

        given().auth().oauth2(ADMIN).get(CATALOG).then().statusCode(200)
                .header(RequirementsRoutes.INCOMPLETE_HEADER, nullValue())
                .body("items.id", contains("ANNUAL_COMMITTEE_STUDY", "TOWNSHIP_FULL_TIME_HEADS",
                        "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "UNION_FEES_FULL_COLLECTION"))
                .body("items.owner", contains("review", "org", "funding", "funding"))
                .body("items[2].titleZh", is("乡镇（街道）共青团工作经费"))
                .body("items[2].rule.minAmount", is("20000.00"));
    }

    @Test
    void aMissingCatalogIsNamedInAHeader() {
        catalog(org, requirement("TOWNSHIP_FULL_TIME_HEADS", "LEADER_EMPLOYMENT", "org"));
        catalog(funding, requirement("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "FUNDING_MIN_AMOUNT", "funding"));
        review.register(get(urlPathEqualTo(CATALOG)).willReturn(aResponse().withStatus(503)));

        given().auth().oauth2(ADMIN).get(CATALOG).then().statusCode(200)
                .header(RequirementsRoutes.INCOMPLETE_HEADER, is("review-service"))
                .body("items.id", contains("TOWNSHIP_FULL_TIME_HEADS", "TOWNSHIP_YOUTH_LEAGUE_FUNDING"));
    }

    @Test
    void aNewRequirementGoesToTheServiceThatDeclaresItsRuleType() {
        ruleTypesOfTheThreeServices();
        String body = newRequirement("JIANGSU_TOWNSHIP_YOUTH_LEAGUE_FUNDING", "FUNDING_MIN_AMOUNT");
        funding.register(post(urlPathEqualTo(CATALOG)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(toJson(requirement("JIANGSU_TOWNSHIP_YOUTH_LEAGUE_FUNDING", "FUNDING_MIN_AMOUNT", "funding")))));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post(CATALOG).then().statusCode(201)
                .body("id", is("JIANGSU_TOWNSHIP_YOUTH_LEAGUE_FUNDING"))
                .body("owner", is("funding"));
        funding.verifyThat(1, postRequestedFor(urlPathEqualTo(CATALOG)).withRequestBody(equalToJson(body, true, true)));
        org.verifyThat(0, postRequestedFor(anyUrl()));
        review.verifyThat(0, postRequestedFor(anyUrl()));
    }

    /** Issue 24: the gateway's own list lacked ORGANIZATION_COVERAGE; org-service declares it, so it reaches org-service. */
    @Test
    void anOrganizationCoverageRequirementGoesToOrgService() {
        ruleTypesOfTheThreeServices();
        org.register(post(urlPathEqualTo(CATALOG)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(toJson(requirement("JIANGSU_ORGANIZATION_COVERAGE", "ORGANIZATION_COVERAGE", "org")))));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(newRequirement("JIANGSU_ORGANIZATION_COVERAGE", "ORGANIZATION_COVERAGE"))
                .post(CATALOG).then().statusCode(201).body("owner", is("org"));
        org.verifyThat(1, postRequestedFor(urlPathEqualTo(CATALOG)));
        funding.verifyThat(0, postRequestedFor(anyUrl()));
        review.verifyThat(0, postRequestedFor(anyUrl()));
    }

    /** A service's new version declares a type the gateway has never seen: it is routed there, with no gateway change. */
    @Test
    void aRuleTypeThatAServiceBeganToDeclareIsRoutedToIt() {
        ruleTypesOfTheThreeServices();
        given().auth().oauth2(ADMIN).header("Cache-Control", "no-cache").get("/api/v1/rule-types").then().statusCode(200)
                .body("items.type", not(hasItem("VOLUNTEER_HOURS")));   // the gateway now keeps the list without it
        ruleTypes(review, "review", "DOCUMENT_SUBMITTED", "MEETING_COUNT", "VOLUNTEER_HOURS");
        review.register(post(urlPathEqualTo(CATALOG)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(toJson(requirement("ZHEJIANG_VOLUNTEER_HOURS", "VOLUNTEER_HOURS", "review")))));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(newRequirement("ZHEJIANG_VOLUNTEER_HOURS", "VOLUNTEER_HOURS"))
                .post(CATALOG).then().statusCode(201).body("owner", is("review"));
        review.verifyThat(1, postRequestedFor(urlPathEqualTo(CATALOG)));
        review.verifyThat(2, getRequestedFor(urlPathEqualTo("/api/v1/rule-types")));   // the kept list, then once afresh
    }

    @Test
    void anUnknownRuleTypeIs400NamingItAndTheKnownTypesAndIsSentToNoService() {
        ruleTypesOfTheThreeServices();

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(newRequirement("JIANGSU_SOMETHING", "HOURS_VOLUNTEERED"))
                .post(CATALOG).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations.field", contains("rule.type"))
                .body("violations[0].message", is("must be one of [COLLECTION_RATE, DOCUMENT_SUBMITTED, FUNDING_MIN_AMOUNT, "
                        + "FUNDING_PER_CAPITA, LEADER_EMPLOYMENT, LEADER_SHARE, MEETING_COUNT, ORGANIZATION_COVERAGE]"));
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(0, postRequestedFor(anyUrl()));
            service.verifyThat(1, getRequestedFor(urlPathEqualTo("/api/v1/rule-types")));   // asked afresh, once
        }
    }

    /** A type no service that answered declares, while one did not answer: it may be that one's, so 503 naming it. */
    @Test
    void aRuleTypeNotFoundWhileAServiceIsDownIs503NamingIt() {
        ruleTypes(org, "org", "LEADER_EMPLOYMENT", "LEADER_SHARE", "ORGANIZATION_COVERAGE");
        ruleTypes(funding, "funding", "COLLECTION_RATE", "FUNDING_MIN_AMOUNT", "FUNDING_PER_CAPITA");
        review.register(get(urlPathEqualTo("/api/v1/rule-types")).willReturn(aResponse().withStatus(503)));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(newRequirement("ZHEJIANG_PLANS", "DOCUMENT_TYPE_X"))
                .post(CATALOG).then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", is("Cannot tell which service evaluates rule type DOCUMENT_TYPE_X: review-service did not answer."));
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(0, postRequestedFor(anyUrl()));
        }
    }

    @Test
    void aServicesClientErrorReachesTheCallerUnchanged() {
        Problem refused = Problem.invalid("2 invalid fields: rule.minAmount, issuerRegionCode", List.of(
                new Violation("issuerRegionCode", "no region 329900"),
                new Violation("rule.minAmount", "must be at least 20000.00 (SHAOXING-2015 item 21: 不少于2万元)")));
        review.register(post(urlPathEqualTo(CATALOG)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", Problem.MEDIA_TYPE).withBody(toJson(refused))));

        ruleTypesOfTheThreeServices();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(newRequirement("ZHEJIANG_MEETINGS", "MEETING_COUNT"))
                .post(CATALOG).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", is("Bad Request"))
                .body("detail", is(refused.detail()))
                .body("violations.field", contains("issuerRegionCode", "rule.minAmount"))
                .body("violations[1].message", is("must be at least 20000.00 (SHAOXING-2015 item 21: 不少于2万元)"));
        review.verifyThat(1, postRequestedFor(urlPathEqualTo(CATALOG)));   // a write is never retried
    }

    @Test
    void aParameterGoesToTheRequirementsOwner() {
        threeCatalogs();
        String path = CATALOG + "/TOWNSHIP_YOUTH_LEAGUE_FUNDING/parameters/330602";
        funding.register(put(urlPathEqualTo(path)).willReturn(okJson(
                "{\"requirementId\":\"TOWNSHIP_YOUTH_LEAGUE_FUNDING\",\"regionCode\":\"330602\",\"parameters\":{\"minAmount\":\"25000.00\"}}")));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minAmount\":\"25000.00\"}").put(path).then().statusCode(200)
                .body("regionCode", is("330602"))
                .body("parameters.minAmount", is("25000.00"));
        funding.verifyThat(1, putRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"minAmount\":\"25000.00\"}")));
        org.verifyThat(0, putRequestedFor(anyUrl()));
        review.verifyThat(0, putRequestedFor(anyUrl()));
    }

    @Test
    void aParameterOfAnUnknownRequirementIs404() {
        fundingCatalogOnly();

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minAmount\":\"25000.00\"}")
                .put(CATALOG + "/NO_SUCH_REQUIREMENT/parameters/330602").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(0, putRequestedFor(anyUrl()));
        }
    }

    /** Issue 17: a requirement, its new version and its owners are each the business of the service that owns it. */
    @Test
    void aRequirementItsVersionsAndItsOwnersGoToItsOwner() {
        threeCatalogs();
        String path = CATALOG + "/TOWNSHIP_YOUTH_LEAGUE_FUNDING";
        String versions = """
                {"id":"TOWNSHIP_YOUTH_LEAGUE_FUNDING","owner":"funding","version":1,"weight":1,"dimension":"SPECIFIC",
                 "rule":{"type":"FUNDING_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"20000.00"},
                 "versions":[{"version":1,"effectiveFrom":null,"effectiveTo":"2026-12-31","rule":{"minAmount":"20000.00"}},
                             {"version":2,"effectiveFrom":"2027-01-01","effectiveTo":null,"rule":{"minAmount":"30000.00"}}]}""";
        funding.register(get(urlPathEqualTo(path)).willReturn(okJson(versions)));
        funding.register(put(urlPathEqualTo(path)).willReturn(okJson(versions)));
        funding.register(put(urlPathEqualTo(path + "/owners/330600")).willReturn(okJson("""
                {"requirementId":"TOWNSHIP_YOUTH_LEAGUE_FUNDING","regionCode":"330600","unit":"共青团绍兴市委",
                 "contact":"李明 0575-85123456","setBy":"admin@330600"}""")));
        funding.register(get(urlPathEqualTo(path + "/owners")).willReturn(okJson("""
                {"requirementId":"TOWNSHIP_YOUTH_LEAGUE_FUNDING","regionCode":"330602001",
                 "inForce":{"unit":"共青团绍兴市委","contact":"李明 0575-85123456","regionCode":"330600"},"items":[]}""")));

        given().auth().oauth2(ADMIN).get(path).then().statusCode(200)
                .body("versions.version", contains(1, 2))
                .body("versions[1].rule.minAmount", is("30000.00"));
        String change = "{\"effectiveFrom\":\"2027-01-01\",\"rule\":{\"minAmount\":\"30000.00\"}}";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(change).put(path).then().statusCode(200)
                .body("versions[1].effectiveFrom", is("2027-01-01"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"unit\":\"共青团绍兴市委\",\"contact\":\"李明 0575-85123456\"}")
                .put(path + "/owners/330600").then().statusCode(200)
                .body("unit", is("共青团绍兴市委")).body("regionCode", is("330600"));
        given().auth().oauth2(ADMIN).get(path + "/owners?regionCode=330602001").then().statusCode(200)
                .body("inForce.unit", is("共青团绍兴市委")).body("inForce.regionCode", is("330600"));

        // the record travels whole: what the caller left out arrives as null, which the service reads as not given
        funding.verifyThat(1, putRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson(change, false, true)));
        funding.verifyThat(1, putRequestedFor(urlPathEqualTo(path + "/owners/330600"))
                .withRequestBody(equalToJson("{\"unit\":\"共青团绍兴市委\",\"contact\":\"李明 0575-85123456\"}")));
        funding.verifyThat(1, getRequestedFor(urlPathEqualTo(path + "/owners")).withQueryParam("regionCode", equalTo("330602001")));
        for (WireMock other : List.of(org, review)) {
            other.verifyThat(0, putRequestedFor(anyUrl()));
            other.verifyThat(0, getRequestedFor(urlPathMatching(CATALOG + "/.+")));
        }
    }

    @Test
    void aVersionOfAnUnknownRequirementIs404NamingItAndReachesNoService() {
        fundingCatalogOnly();

        given().auth().oauth2(ADMIN).get(CATALOG + "/NO_SUCH_REQUIREMENT").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("NO_SUCH_REQUIREMENT"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"effectiveTo\":\"2026-12-31\"}")
                .put(CATALOG + "/NO_SUCH_REQUIREMENT").then().statusCode(404);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"unit\":\"绍兴市妇联\"}")
                .put(CATALOG + "/NO_SUCH_REQUIREMENT/owners/330600").then().statusCode(404);
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(0, putRequestedFor(anyUrl()));
            service.verifyThat(0, getRequestedFor(urlPathMatching(CATALOG + "/.+")));
        }
    }

    /** Not in the catalogs that answered, but perhaps in the one that did not: 503 naming it, not 404. */
    @Test
    void aRequirementNotFoundWhileACatalogIsMissingIs503() {
        catalog(org);
        catalog(funding, requirement("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "FUNDING_MIN_AMOUNT", "funding"));
        review.register(get(urlPathEqualTo(CATALOG)).willReturn(aResponse().withStatus(503)));

        given().auth().oauth2(ADMIN).get(CATALOG + "/ANNUAL_COMMITTEE_STUDY/owners?regionCode=330600").then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("review-service"));
        // the one it has is found all the same
        funding.register(get(urlPathEqualTo(CATALOG + "/TOWNSHIP_YOUTH_LEAGUE_FUNDING")).willReturn(okJson(
                toJson(requirement("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "FUNDING_MIN_AMOUNT", "funding")))));
        given().auth().oauth2(ADMIN).get(CATALOG + "/TOWNSHIP_YOUTH_LEAGUE_FUNDING").then().statusCode(200)
                .body("owner", is("funding"));
    }

    /** The owning service's 409 (a version not after the latest) reaches the caller as it answered it. */
    @Test
    void aVersionRefusedByItsOwnerReachesTheCallerUnchanged() {
        fundingCatalogOnly();
        String path = CATALOG + "/TOWNSHIP_YOUTH_LEAGUE_FUNDING";
        funding.register(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", Problem.MEDIA_TYPE).withBody(toJson(Problem.of(409, "Conflict",
                        "effectiveFrom 2027-01-01 is not after the latest version's (2027-01-01).")))));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"effectiveFrom\":\"2027-01-01\",\"weight\":2}")
                .put(path).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", is("effectiveFrom 2027-01-01 is not after the latest version's (2027-01-01)."));
        funding.verifyThat(1, putRequestedFor(urlPathEqualTo(path)));   // a write is never retried
    }

    /** One requirement in each service's catalog. */
    private void threeCatalogs() {
        catalog(org, requirement("TOWNSHIP_FULL_TIME_HEADS", "LEADER_EMPLOYMENT", "org"));
        catalog(funding, requirement("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "FUNDING_MIN_AMOUNT", "funding"));
        catalog(review, requirement("ANNUAL_COMMITTEE_STUDY", "MEETING_COUNT", "review"));
    }

    /** TOWNSHIP_YOUTH_LEAGUE_FUNDING in funding-service's catalog, the other two empty. */
    private void fundingCatalogOnly() {
        catalog(org);
        catalog(funding, requirement("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "FUNDING_MIN_AMOUNT", "funding"));
        catalog(review);
    }

    private Requirement requirement(String id, String ruleType, String owner) {
        ObjectNode rule = json.createObjectNode().put("type", ruleType);
        if (ruleType.equals("FUNDING_MIN_AMOUNT")) {
            rule.put("category", "YOUTH_LEAGUE_WORK").put("minAmount", "20000.00");
        }
        return new Requirement(id, id.toLowerCase(), "乡镇（街道）共青团工作经费",
                "SHAOXING-2015 item 21", "330600", List.of(RegionLevel.TOWNSHIP), RequirementPeriod.YEAR, rule, null, owner);
    }

    private String newRequirement(String id, String ruleType) {
        return """
                {"id":"%s","title":"Township youth league funding","titleZh":"乡镇共青团工作经费不少于3万元",
                 "source":"JIANGSU-2025","issuerRegionCode":"320000","levels":["TOWNSHIP"],"period":"YEAR",
                 "rule":{"type":"%s","category":"YOUTH_LEAGUE_WORK","minAmount":"30000.00"}}""".formatted(id, ruleType);
    }
}
