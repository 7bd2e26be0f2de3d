package luoshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import luoshi.client.ApiClient;
import luoshi.client.ApiException;
import luoshi.client.ApiResponse;
import luoshi.client.api.ComplianceApi;
import luoshi.client.model.ComplianceRollup;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conditional reads end to end (API.md, "Conditional reads (ETag, If-None-Match)", issue #29), on the real services:
 * every answer type answers a weak ETag and a 304 to it; a township's write changes the tags of the answers above it
 * (its own, its county's, city's, province's, and the evaluations that rank its county) and of no other county's; a
 * write reaching a county's subtree (an owner set there) changes every answer below it too; and a Java client generated
 * from the document makes the conditional call. It writes in 南京市建邺区 (320105) and reads 浦口区 (320111) and
 * 南通市通州区 (320612), which no other test writes, in the year 2019, which no other test reads.
 */
class ConditionalReadsSystemTest {

    static final String QUERY = "year=2019&asOf=2020-01-15";
    static final String COUNTY = "320105";
    static final String TOWNSHIP = "320105001";
    static final String SIBLING = "320105002";
    static final String OTHER_COUNTY = "320111";
    static final String OTHER_TOWNSHIP = "320111001";
    static final String OTHER_CITYS_COUNTY = "320612";

    @BeforeAll
    static void regions() {
        LuoshiSystem.get();
        PublicApi.realRegions(TOWNSHIP, SIBLING, OTHER_TOWNSHIP, OTHER_CITYS_COUNTY);
        for (String code : List.of(TOWNSHIP, SIBLING, OTHER_TOWNSHIP, OTHER_CITYS_COUNTY)) {
            Poll.until("every service knows " + code, Duration.ofSeconds(60), () -> {
                ExtractableResponse<Response> r = read("/api/v1/compliance/" + code + "?" + QUERY, null);
                return r.statusCode() == 200 && r.jsonPath().getList("incomplete").isEmpty();
            });
        }
    }

    private static ExtractableResponse<Response> read(String path, String ifNoneMatch) {
        var request = PublicApi.as(TestTokens.ADMIN);
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return request.get(path).then().extract();
    }

    /** The tag of a complete answer (asked until every service answered). */
    private static String tag(String path) {
        List<String> found = new ArrayList<>();
        Poll.until("a complete answer of " + path, Duration.ofSeconds(30), () -> {
            ExtractableResponse<Response> r = read(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            found.add(r.header("ETag"));
            return r.header("ETag") != null;
        });
        return found.get(found.size() - 1);
    }

    private static String compliance(String code) {
        return "/api/v1/compliance/" + code + "?" + QUERY;
    }

    private static String rollup(String code) {
        return "/api/v1/compliance/" + code + "/rollup?" + QUERY;
    }

    private static String evaluation(String code) {
        return "/api/v1/evaluation/" + code + "?" + QUERY;
    }

    private static String followUp(String code) {
        return "/api/v1/compliance/" + code + "/items?" + QUERY + "&size=20";
    }

    @Test
    void everyAnswerTypeIsTaggedAndAnswers304ToItsTag() {
        for (String path : List.of(compliance(TOWNSHIP), rollup(COUNTY), evaluation(COUNTY), followUp(COUNTY),
                "/api/v1/compliance/" + COUNTY + "/trend?year=2019")) {
            String tag = tag(path);
            assertThat(tag).as(path).startsWith("W/\"");
            ExtractableResponse<Response> again = read(path, tag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.asByteArray()).as(path).isEmpty();
            assertThat(again.header("ETag")).as(path).isEqualTo(tag);
            assertThat(read(path, "W/\"another\"").statusCode()).as(path).isEqualTo(200);
        }
    }

    /** The tags of the answers this class watches, by path. */
    private static Map<String, String> tags(List<String> paths) {
        Map<String, String> tags = new LinkedHashMap<>();
        paths.forEach(p -> tags.put(p, tag(p)));
        return tags;
    }

    private static List<String> changed(Map<String, String> before) {
        Map<String, String> now = tags(List.copyOf(before.keySet()));
        return before.keySet().stream().filter(p -> !before.get(p).equals(now.get(p))).toList();
    }

    static final List<String> WATCHED = List.of(compliance(TOWNSHIP), compliance(SIBLING), compliance(COUNTY),
            compliance("320100"), compliance("320000"), compliance(OTHER_COUNTY), compliance(OTHER_TOWNSHIP),
            rollup(COUNTY), rollup("320100"), rollup("320000"), rollup(OTHER_COUNTY), rollup(OTHER_CITYS_COUNTY),
            evaluation(COUNTY), evaluation(OTHER_COUNTY), evaluation(OTHER_CITYS_COUNTY), followUp(COUNTY),
            followUp(OTHER_COUNTY));

    @Test
    void aTownshipsWriteChangesTheTagsOfTheAnswersAboveItAndOfNoOtherCounty() {
        Map<String, String> before = tags(WATCHED);
        String body = "{\"regionCode\":\"" + TOWNSHIP + "\",\"category\":\"YOUTH_LEAGUE_WORK\",\"fiscalYear\":2019,"
                + "\"amount\":\"100.00\",\"documentRef\":\"建财〔2019〕1号\"}";
        PublicApi.created("/api/v1/funding", body);

        // read your writes: the tag held before the write is not confirmed, the answer comes whole under a new tag
        ExtractableResponse<Response> after = read(compliance(TOWNSHIP), before.get(compliance(TOWNSHIP)));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotNull().isNotEqualTo(before.get(compliance(TOWNSHIP)));

        // its county's evaluation, and its sibling county's (ranked among 南京市's counties), change with it
        assertThat(changed(before)).containsExactly(compliance(TOWNSHIP), compliance(COUNTY), compliance("320100"),
                compliance("320000"), rollup(COUNTY), rollup("320100"), rollup("320000"), evaluation(COUNTY),
                evaluation(OTHER_COUNTY), followUp(COUNTY));
        // what did not change is still confirmed by the tag given before the write
        for (String path : List.of(compliance(SIBLING), compliance(OTHER_COUNTY), compliance(OTHER_TOWNSHIP),
                rollup(OTHER_COUNTY), rollup(OTHER_CITYS_COUNTY), evaluation(OTHER_CITYS_COUNTY), followUp(OTHER_COUNTY))) {
            assertThat(read(path, before.get(path)).statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void aWriteReachingACountysSubtreeChangesEveryAnswerInIt() {
        Map<String, String> before = tags(WATCHED);
        PublicApi.as(TestTokens.ADMIN).body(Map.of("unit", "共青团建邺区委", "contact", "025-86661234"))
                .put("/api/v1/requirements/TOWNSHIP_YOUTH_LEAGUE_FUNDING/owners/" + COUNTY).then().statusCode(200);
        assertThat(changed(before)).containsExactly(compliance(TOWNSHIP), compliance(SIBLING), compliance(COUNTY),
                compliance("320100"), compliance("320000"), rollup(COUNTY), rollup("320100"), rollup("320000"),
                evaluation(COUNTY), evaluation(OTHER_COUNTY), followUp(COUNTY));
    }

    /** The generated Java client (ClientContractTest's) sends If-None-Match and reads the 304 as its ApiException. */
    @Test
    void theGeneratedClientMakesTheConditionalCall() throws Exception {
        ApiClient client = ClientContractTest.client(TestTokens.ADMIN);
        ComplianceApi compliance = new ComplianceApi(client);
        ApiResponse<ComplianceRollup> first = compliance.getComplianceRollupWithHttpInfo(
                ComplianceApi.APIGetComplianceRollupRequest.newBuilder().regionCode(OTHER_COUNTY).year(2019)
                        .asOf(LocalDate.of(2020, 1, 15)).build());
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getData().getIncomplete()).isEmpty();
        String tag = first.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("ETag"))
                .map(e -> e.getValue().get(0)).findFirst().orElseThrow();

        // the native library answers every status but a 2xx as an ApiException: a 304 carries its tag and no body
        ApiException notModified = catchThrowableOfType(ApiException.class, () -> compliance.getComplianceRollupWithHttpInfo(
                ComplianceApi.APIGetComplianceRollupRequest.newBuilder().regionCode(OTHER_COUNTY).year(2019)
                        .asOf(LocalDate.of(2020, 1, 15)).ifNoneMatch(tag).build()));
        assertThat(notModified.getCode()).isEqualTo(304);
        assertThat(notModified.getResponseHeaders().firstValue("ETag")).hasValue(tag);
        assertThat(notModified.getResponseBody()).isNullOrEmpty();

        ApiResponse<ComplianceRollup> other = compliance.getComplianceRollupWithHttpInfo(
                ComplianceApi.APIGetComplianceRollupRequest.newBuilder().regionCode(OTHER_COUNTY).year(2019)
                        .asOf(LocalDate.of(2020, 1, 15)).ifNoneMatch("W/\"another\"").build());
        assertThat(other.getStatusCode()).isEqualTo(200);
        assertThat(other.getData()).isEqualTo(first.getData());
    }
}
