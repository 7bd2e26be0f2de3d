package luoshi.gateway;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.api.compliance.ComplianceStatus.COMPLIANT;
import static luoshi.api.compliance.ComplianceStatus.NON_COMPLIANT;
import static luoshi.api.compliance.ComplianceStatus.NOT_APPLICABLE;
import static luoshi.api.compliance.ComplianceStatus.NO_DATA;
import static luoshi.gateway.ComplianceFixtures.counts;
import static luoshi.gateway.ComplianceFixtures.item;
import static luoshi.gateway.ComplianceFixtures.items;
import static luoshi.gateway.ComplianceFixtures.requirement;
import static luoshi.gateway.ComplianceFixtures.rollup;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import luoshi.api.common.Problem;
import luoshi.api.region.RegionFeed;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Read your writes, across services": org-service's answer says the version of its change feed; a service
 * whose copy of the regions answered from an older version, or did not know the region, is asked again to catch up to
 * that version first, and only its caught-up answer counts.
 */
@QuarkusTest
class ReadYourWritesTest extends DownstreamTest {

    private static final String PATH = "/internal/v1/compliance/regions/";

    @Test
    void aCopyThatLacksTheRegionOrIsOlderIsAskedAgainToCatchUpFirst() {
        String township = "330602121";
        answer(org, township, null, 42, items(township, "新街道", item("TOWNSHIP_FULL_TIME_HEADS", NON_COMPLIANT)));
        // funding's copy does not have the township yet: 404; caught up, it answers
        funding.register(get(urlPathEqualTo(PATH + township)).atPriority(5).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withHeader(RegionFeed.VERSION_HEADER, "40")
                .withBody(toJson(Problem.of(404, "Not Found", "No region " + township + " in funding-service's copy")))));
        answer(funding, township, "42", 42, items(township, "新街道", item("WOMENS_WORK_PER_CAPITA_FUNDING", COMPLIANT)));
        // review's copy has it, from before the population write: NO_DATA; caught up, the item it has now
        answer(review, township, null, 41, items(township, "新街道", item("ANNUAL_COMMITTEE_STUDY", NO_DATA)));
        answer(review, township, "42", 42, items(township, "新街道", item("ANNUAL_COMMITTEE_STUDY", NOT_APPLICABLE)));

        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}?year=2025&asOf=2026-11-22", township).then()
                .statusCode(200)
                .body("items.requirementId", contains("ANNUAL_COMMITTEE_STUDY", "TOWNSHIP_FULL_TIME_HEADS",
                        "WOMENS_WORK_PER_CAPITA_FUNDING"))
                .body("items[0].status", is("NOT_APPLICABLE"))
                .body("incomplete", empty())
                .body("warnings", nullValue());   // none: left out

        org.verifyThat(1, getRequestedFor(urlPathEqualTo(PATH + township)));
        org.verifyThat(0, getRequestedFor(urlPathEqualTo(PATH + township)).withHeader(RegionFeed.MIN_VERSION_HEADER, equalTo("42")));
        for (WireMock copy : List.of(funding, review)) {
            copy.verifyThat(1, getRequestedFor(urlPathEqualTo(PATH + township)).withHeader(RegionFeed.MIN_VERSION_HEADER, absent()));
            copy.verifyThat(1, getRequestedFor(urlPathEqualTo(PATH + township)).withHeader(RegionFeed.MIN_VERSION_HEADER, equalTo("42")));
        }
    }

    @Test
    void copiesAsNewAsOrgServiceAreAskedOnce() {
        String township = "330602001";
        answer(org, township, null, 42, items(township, "塔山街道", item("TOWNSHIP_FULL_TIME_HEADS", COMPLIANT)));
        answer(funding, township, null, 42, items(township, "塔山街道", item("WOMENS_WORK_PER_CAPITA_FUNDING", COMPLIANT)));
        answer(review, township, null, 43, items(township, "塔山街道", item("ANNUAL_COMMITTEE_STUDY", NOT_APPLICABLE)));

        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}?year=2025&asOf=2026-11-22", township).then()
                .statusCode(200).body("items", hasSize(3)).body("incomplete", empty());

        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(1, getRequestedFor(urlPathEqualTo(PATH + township)));
            service.verifyThat(0, getRequestedFor(urlPathEqualTo(PATH + township)).withHeader(RegionFeed.MIN_VERSION_HEADER, equalTo("42")));
        }
    }

    @Test
    void theRollupCatchesUpTheSameWay() {
        String county = "330602";
        rollupOf(org, county, null, 7, rollup(county, "越城区", counts(1, 0, 0, 0, 0), List.of(),
                List.of(requirement("TOWNSHIP_FULL_TIME_HEADS", counts(1, 0, 0, 0, 0)))));
        rollupOf(funding, county, null, 6, rollup(county, "越城区", counts(0, 0, 0, 17, 0), List.of(),
                List.of(requirement("WOMENS_WORK_PER_CAPITA_FUNDING", counts(0, 0, 0, 17, 0)))));
        rollupOf(funding, county, "7", 7, rollup(county, "越城区", counts(0, 0, 18, 0, 0), List.of(),
                List.of(requirement("WOMENS_WORK_PER_CAPITA_FUNDING", counts(0, 0, 18, 0, 0)))));
        rollupOf(review, county, null, 7, rollup(county, "越城区", counts(0, 0, 0, 0, 1), List.of(),
                List.of(requirement("ANNUAL_COMMITTEE_STUDY", counts(0, 0, 0, 0, 1)))));

        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}/rollup?year=2025&asOf=2026-11-22", county).then()
                .statusCode(200)
                .body("counts.NON_COMPLIANT", is(18))
                .body("counts.NO_DATA", is(0))
                .body("incomplete", empty());
        review.verifyThat(0, getRequestedFor(urlPathEqualTo(PATH + county + "/rollup")).withHeader(RegionFeed.MIN_VERSION_HEADER, equalTo("7")));
        funding.verifyThat(1, getRequestedFor(urlPathEqualTo(PATH + county + "/rollup")).withHeader(RegionFeed.MIN_VERSION_HEADER, equalTo("7")));
    }

    @Test
    void aCopyThatCannotCatchUpIsIncompleteAndSaysWhy() {
        String township = "330602002";
        answer(org, township, null, 42, items(township, "府山街道", item("TOWNSHIP_FULL_TIME_HEADS", COMPLIANT)));
        answer(funding, township, null, 42, items(township, "府山街道", item("WOMENS_WORK_PER_CAPITA_FUNDING", COMPLIANT)));
        answer(review, township, null, 30, items(township, "府山街道", item("ANNUAL_COMMITTEE_STUDY", NO_DATA)));
        answer(review, township, "42", 31, items(township, "府山街道", item("ANNUAL_COMMITTEE_STUDY", NO_DATA)));

        given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}?year=2025&asOf=2026-11-22", township).then()
                .statusCode(200)
                .body("items.requirementId", contains("TOWNSHIP_FULL_TIME_HEADS", "WOMENS_WORK_PER_CAPITA_FUNDING"))
                .body("incomplete", contains("review-service"))
                .body("warnings[0]", containsString("version 31 of 42"));
    }

    /** A stub of a region's items answered from {@code version}; for calls asking for {@code min} (null: any). */
    private void answer(WireMock service, String region, String min, long version, Object body) {
        service.register(stub(get(urlPathEqualTo(PATH + region)), min, version, body));
    }

    private void rollupOf(WireMock service, String region, String min, long version, Object body) {
        service.register(stub(get(urlPathEqualTo(PATH + region + "/rollup")), min, version, body));
    }

    private MappingBuilder stub(MappingBuilder request, String min, long version, Object body) {
        MappingBuilder m = min == null ? request.atPriority(5)
                : request.atPriority(1).withHeader(RegionFeed.MIN_VERSION_HEADER, equalTo(min));
        return m.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader(RegionFeed.VERSION_HEADER, String.valueOf(version)).withBody(toJson(body)));
    }
}
