package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.gateway.ComplianceFixtures.child;
import static luoshi.gateway.ComplianceFixtures.counts;
import static luoshi.gateway.ComplianceFixtures.item;
import static luoshi.gateway.ComplianceFixtures.items;
import static luoshi.gateway.ComplianceFixtures.rollup;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Dimension;
import luoshi.api.compliance.FollowUpItem;
import luoshi.api.compliance.ServiceFollowUp;
import luoshi.api.compliance.Weights;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Conditional reads (API.md, "Conditional reads (ETag, If-None-Match)", issue #29): every answer type carries a weak
 * ETag made of the services' answer versions ({@value ComplianceSource#ANSWER_VERSION_HEADER}), the question and the
 * representation; {@code If-None-Match} naming it is a 304 with no body; another version of any service, another
 * question or a parent's version (an evaluation's ranks) is another tag; an answer with {@code incomplete} has none.
 */
@QuarkusTest
class ConditionalReadsTest extends DownstreamTest {

    private static final String TOWNSHIP = "330602001";
    private static final String CITY = "330600";
    private static final String PROVINCE = "330000";

    private static void answer(WireMock service, String path, String body, String version) {
        service.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + path)).willReturn(okJson(body)
                .withHeader(ComplianceSource.ANSWER_VERSION_HEADER, version)));
    }

    private void townshipItems(String orgVersion, String fundingVersion, String reviewVersion) {
        answer(org, TOWNSHIP, toJson(items(TOWNSHIP, "塔山街道", item("TOWNSHIP_FULL_TIME_HEADS", ComplianceStatus.COMPLIANT))),
                orgVersion);
        answer(funding, TOWNSHIP, toJson(items(TOWNSHIP, "塔山街道",
                item("TOWNSHIP_YOUTH_LEAGUE_FUNDING", ComplianceStatus.NON_COMPLIANT))), fundingVersion);
        answer(review, TOWNSHIP, toJson(items(TOWNSHIP, "塔山街道", item("ANNUAL_COMMITTEE_STUDY",
                ComplianceStatus.NOT_APPLICABLE))), reviewVersion);
    }

    private static ExtractableResponse<Response> read(String path, String ifNoneMatch) {
        var request = given().auth().oauth2(ADMIN);
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return request.get(path).then().extract();
    }

    /** A 200 with a weak tag, then 304s for the tag in every form If-None-Match may give it, and 200 for another. */
    private static String assertConditional(String path) {
        ExtractableResponse<Response> first = read(path, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String tag = first.header("ETag");
        assertThat(tag).matches("W/\"[A-Za-z0-9_-]{43}\"");
        assertThat(read(path, null).header("ETag")).isEqualTo(tag);   // nothing changed: the same tag

        for (String ifNoneMatch : List.of(tag, tag.substring(2), "W/\"other\", " + tag, "*")) {
            ExtractableResponse<Response> again = read(path, ifNoneMatch);
            assertThat(again.statusCode()).as(ifNoneMatch).isEqualTo(304);
            assertThat(again.asByteArray()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo(tag);
        }
        ExtractableResponse<Response> other = read(path, "W/\"other\"");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.asString()).isEqualTo(first.asString());
        return tag;
    }

    @Test
    void complianceIsTaggedByTheThreeVersionsAndANewVersionOfAnyIsANewTag() {
        String path = "/api/v1/compliance/" + TOWNSHIP + "?year=2025&asOf=2026-11-22";
        townshipItems("4.0.0.0.0.0", "7.0.0.0.0.0", "2.0.0.0.0.0");
        String tag = assertConditional(path);

        townshipItems("4.0.0.0.0.0", "8.0.0.0.0.0", "2.0.0.0.0.0");   // a funding write in the township's subtree
        ExtractableResponse<Response> changed = read(path, tag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
        assertThat(changed.jsonPath().getList("items.requirementId")).hasSize(3);

        townshipItems("4.0.0.0.0.0", "7.0.0.0.0.0", "2.0.0.0.0.0");
        // another question of the same versions: another year, another date of the verdicts
        assertThat(read("/api/v1/compliance/" + TOWNSHIP + "?year=2024&asOf=2026-11-22", tag).statusCode()).isEqualTo(200);
        assertThat(read("/api/v1/compliance/" + TOWNSHIP + "?year=2025&asOf=2026-11-21", tag).statusCode()).isEqualTo(200);
        assertThat(read(path, tag).statusCode()).isEqualTo(304);
    }

    @Test
    void aRollupIsTaggedAndAnswers304() {
        String body = toJson(rollup(CITY, "绍兴市", counts(3, 0, 1, 0, 2),
                List.of(child("330602", "越城区", counts(3, 0, 1, 0, 2))), List.of()));
        for (WireMock service : List.of(org, funding, review)) {
            answer(service, CITY + "/rollup", body, "5.0.0.0");
        }
        String tag = assertConditional("/api/v1/compliance/" + CITY + "/rollup?year=2025&asOf=2026-11-22");

        answer(review, CITY + "/rollup", body, "6.0.0.0");
        assertThat(read("/api/v1/compliance/" + CITY + "/rollup?year=2025&asOf=2026-11-22", tag).statusCode())
                .isEqualTo(200);
    }

    private static Weights w(int compliant, int counted) {
        return Weights.of(ComplianceStatus.COMPLIANT, compliant, BigDecimal.ONE, Dimension.COMMON)
                .plus(Weights.of(ComplianceStatus.NON_COMPLIANT, counted - compliant, BigDecimal.ONE, Dimension.COMMON));
    }

    private void cityAndProvinceRollups(String provinceVersion) {
        for (WireMock service : List.of(org, funding, review)) {
            answer(service, CITY + "/rollup", toJson(rollup(CITY, "绍兴市", w(3, 4),
                    List.of(child("330602", "越城区", w(1, 1))))), "5.0.0.0");
            answer(service, PROVINCE + "/rollup", toJson(rollup(PROVINCE, "浙江省", w(5, 7),
                    List.of(child("330100", "杭州市", w(4, 5)), child(CITY, "绍兴市", w(1, 2))))), provinceVersion);
        }
    }

    /** An evaluation ranks the region among its siblings: its tag covers its parent's subtree too. */
    @Test
    void anEvaluationIsTaggedByItsOwnAndItsParentsVersions() {
        cityAndProvinceRollups("9.0.0");
        String path = "/api/v1/evaluation/" + CITY + "?year=2025&asOf=2026-11-22";
        String tag = assertConditional(path);

        cityAndProvinceRollups("10.0.0");   // a write in a sibling city: the city's rank may change
        ExtractableResponse<Response> changed = read(path, tag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.jsonPath().getInt("of")).isEqualTo(2);

        // a caller who may not read the province gets no rank: another answer, another tag
        ExtractableResponse<Response> own = given().auth().oauth2(TestTokens.token("viewer", CITY))
                .header("If-None-Match", changed.header("ETag")).get(path).then().extract();
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.jsonPath().getString("rank")).isNull();
        assertThat(own.header("ETag")).isNotEqualTo(changed.header("ETag"));
    }

    private static FollowUpItem row(String region, String requirement) {
        LocalDate start = LocalDate.of(2025, 1, 1);
        return new FollowUpItem(region, "塔山街道", requirement, "标题", ComplianceStatus.NON_COMPLIANT, null, List.of(),
                start, LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31), "1", "0", List.of(), 1, null, null, null);
    }

    private void followUps(String fundingVersion) {
        answer(org, CITY + "/items", toJson(new ServiceFollowUp(List.of(row(TOWNSHIP, "A")), 1L, List.of())), "1.0.0.0");
        answer(funding, CITY + "/items", toJson(new ServiceFollowUp(List.of(row(TOWNSHIP, "B")), 1L, List.of())),
                fundingVersion);
        answer(review, CITY + "/items", toJson(new ServiceFollowUp(List.of(), 0L, List.of())), "1.0.0.0");
        for (WireMock service : List.of(org, funding, review)) {
            service.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + CITY + "/open-rectifications"))
                    .willReturn(okJson("[]")));
        }
    }

    @Test
    void aFollowUpPageIsTaggedPerPageAndAnExportIsNot() {
        followUps("3.0.0.0");
        String page = "/api/v1/compliance/" + CITY + "/items?year=2025&asOf=2026-11-22&size=1";
        String tag = assertConditional(page);
        assertThat(read(page + "&page=1", tag).statusCode()).isEqualTo(200);   // another page, another tag

        followUps("4.0.0.0");
        assertThat(read(page, tag).statusCode()).isEqualTo(200);

        ExtractableResponse<Response> csv = given().auth().oauth2(ADMIN).accept("text/csv").header("If-None-Match", "*")
                .get(page).then().extract();
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("ETag")).isNull();
    }

    @Test
    void aTrendIsTaggedByItsPointsAndAnIncompleteOneIsNot() {
        String point = "{\"date\":\"2026-11-21\",\"counts\":{\"COMPLIANT\":3,\"PENDING\":0,\"NON_COMPLIANT\":1,"
                + "\"NO_DATA\":0,\"NOT_APPLICABLE\":2},\"complianceRate\":0.7500,\"score\":66.7,\"dimensions\":{}}";
        String path = "/api/v1/compliance/" + CITY + "/trend?year=2026";
        review.register(get(urlPathEqualTo("/api/v1/compliance/330600/trend")).willReturn(okJson(
                "{\"regionCode\":\"330600\",\"year\":2026,\"points\":[" + point + "],\"incomplete\":[]}")));
        String tag = assertConditional(path);

        // the next day's snapshot: another point, another tag
        review.register(get(urlPathEqualTo("/api/v1/compliance/330600/trend")).willReturn(okJson(
                "{\"regionCode\":\"330600\",\"year\":2026,\"points\":[" + point + "," + point.replace("21", "22")
                        + "],\"incomplete\":[]}")));
        assertThat(read(path, tag).statusCode()).isEqualTo(200);

        review.register(get(urlPathEqualTo("/api/v1/compliance/330600/trend")).willReturn(okJson(
                "{\"regionCode\":\"330600\",\"year\":2026,\"points\":[],\"incomplete\":[\"funding\"]}")));
        ExtractableResponse<Response> incomplete = read(path, "*");
        assertThat(incomplete.statusCode()).isEqualTo(200);
        assertThat(incomplete.header("ETag")).isNull();
    }

    /** An answer without a service's part is never tagged, and never confirmed by the complete answer's tag. */
    @Test
    void anIncompleteAnswerHasNoTagAndIsNever304() {
        String path = "/api/v1/compliance/" + TOWNSHIP + "?year=2025&asOf=2026-11-22";
        townshipItems("4.0.0.0.0.0", "7.0.0.0.0.0", "2.0.0.0.0.0");
        String tag = read(path, null).header("ETag");
        assertThat(tag).isNotNull();

        review.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + TOWNSHIP)).willReturn(serverError()));
        for (String ifNoneMatch : List.of(tag, "*")) {
            ExtractableResponse<Response> incomplete = read(path, ifNoneMatch);
            assertThat(incomplete.statusCode()).isEqualTo(200);
            assertThat(incomplete.header("ETag")).isNull();
            assertThat(incomplete.jsonPath().getList("incomplete")).containsExactly("review-service");
        }
    }

    /** A service that does not say its answer's version (an older release) leaves the answer untagged. */
    @Test
    void anAnswerWithoutAServicesVersionHasNoTag() {
        townshipItems("4.0.0.0.0.0", "7.0.0.0.0.0", "2.0.0.0.0.0");
        org.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + TOWNSHIP)).willReturn(okJson(toJson(
                items(TOWNSHIP, "塔山街道", item("TOWNSHIP_FULL_TIME_HEADS", ComplianceStatus.COMPLIANT))))));
        given().auth().oauth2(ADMIN).header("If-None-Match", "*").get("/api/v1/compliance/" + TOWNSHIP + "?year=2025")
                .then().statusCode(200).header("ETag", (String) null).body("incomplete.size()", is(0));
    }

    /** The document says so: If-None-Match, the weak ETag of the 200 and the 304, on each conditional read. */
    @Test
    void theDocumentDescribesTheConditionalReads() {
        Map<String, Object> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath().getMap("paths");
        for (String path : List.of("/api/v1/compliance/{regionCode}", "/api/v1/compliance/{regionCode}/rollup",
                "/api/v1/compliance/{regionCode}/items", "/api/v1/compliance/{regionCode}/trend",
                "/api/v1/evaluation/{regionCode}")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> op = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("get");
            assertThat(op.get("parameters").toString()).as(path).contains("If-None-Match");
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            assertThat(responses).as(path).containsKey("304");
            assertThat(responses.get("200").toString()).as(path).contains("ETag");
            assertThat(responses.get("304").toString()).as(path).contains("ETag");
        }
    }
}
