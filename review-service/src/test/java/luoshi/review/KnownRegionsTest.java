package luoshi.review;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Known regions only", in review-service: a fact of a region that does not exist is refused on every write
 * (a 404 naming the code; a batch: a 400 naming every such row), and nothing is stored, not even an audit event.
 * Regions of Hubei (湖北省 420000: 武汉市 420100, 江岸区 420102, 江汉区 420103), used by no other test; 330699998,
 * 330699 and 339900 are no regions at all.
 */
@QuarkusTest
@RegionsInCopy({"420000", "420100", "420102", "420103"})
class KnownRegionsTest extends WithRegionsInCopy {

    private static final List<String> NO_REGIONS = List.of("330699998", "330699", "339900");
    private static final String EVERYTHING = "SELECT (SELECT COUNT(*) FROM meeting) + (SELECT COUNT(*) FROM committee_term)"
            + " + (SELECT COUNT(*) FROM committee_document) + (SELECT COUNT(*) FROM webhook)"
            + " + (SELECT COUNT(*) FROM idempotency_key) + (SELECT COUNT(*) FROM audit_event)";

    private static String term(String region, String start, String end) {
        return "{\"regionCode\":\"" + region + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}";
    }

    private static String meeting(String region, String date) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"STANDING_COMMITTEE_STUDY\",\"date\":\"" + date
                + "\",\"title\":\"区委常委会专题研究群团工作\",\"documentRef\":\"岸委常〔2025〕3号\"}";
    }

    private static String document(String region) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"IMPLEMENTATION_PLAN\",\"date\":\"2015-12-01\","
                + "\"title\":\"关于加强和改进党的群团工作的实施意见\",\"documentRef\":\"鄂发〔2015〕21号\"}";
    }

    private static ValidatableResponse send(String token, String method, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).request(method, path).then();
    }

    private static String created(String path, String body) {
        return send(ADMIN, "POST", path, body).statusCode(201).extract().path("id");
    }

    @Test
    void everySingleWriteOfAnUnknownRegionIsA404NamingItAndStoresNothing() throws SQLException {
        // the records a correction would move into an unknown region
        String termId = created("/api/v1/committee-terms", term("420102", "2021-10-01", "2026-09-30"));
        String meetingId = created("/api/v1/meetings", meeting("420102", "2025-03-10"));
        String documentId = created("/api/v1/documents", document("420000"));
        long before = sql.count(EVERYTHING);
        for (String region : NO_REGIONS) {
            List<List<String>> writes = List.of(
                    List.of("POST", "/api/v1/committee-terms", term(region, "2021-10-01", "2026-09-30")),
                    List.of("POST", "/api/v1/meetings", meeting(region, "2025-03-10")),
                    List.of("POST", "/api/v1/documents", document(region)),
                    List.of("POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"regionCode\":\"" + region + "\"}"),
                    List.of("PUT", "/api/v1/committee-terms/" + termId, term(region, "2021-10-01", "2026-09-30")),
                    List.of("PUT", "/api/v1/meetings/" + meetingId, meeting(region, "2025-03-10")),
                    List.of("PUT", "/api/v1/documents/" + documentId, document(region)));
            for (List<String> write : writes) {
                send(ADMIN, write.get(0), write.get(1), write.get(2)).statusCode(404)
                        .contentType("application/problem+json").body("status", is(404))
                        .body("detail", containsString(region));
            }
        }
        assertThat(sql.count(EVERYTHING)).isEqualTo(before);
        // the corrected records are as they were
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=420102").then()
                .body("items.id", contains(termId)).body("items[0].start", is("2021-10-01"));
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=420102").then().body("items.id", contains(meetingId));
        given().auth().oauth2(ADMIN).get("/api/v1/documents/" + documentId).then().statusCode(200)
                .body("regionCode", is("420000"));
    }

    @Test
    void aBatchNamesEveryRowWhoseRegionIsUnknownAndStoresNothing() throws SQLException {
        long before = sql.count(EVERYTHING);
        List<Function<String, String>> rows = List.of(
                region -> term(region, "2021-10-01", "2026-09-30"),
                region -> meeting(region, "2025-05-06"),
                KnownRegionsTest::document);
        List<String> paths = List.of("/api/v1/committee-terms/batch", "/api/v1/meetings/batch", "/api/v1/documents/batch");
        for (int kind = 0; kind < rows.size(); kind++) {
            Function<String, String> row = rows.get(kind);
            String batch = "[" + String.join(",", row.apply("420102"), row.apply("330699998"), row.apply("420103"),
                    row.apply("330699"), row.apply("339900")) + "]";
            send(ADMIN, "POST", paths.get(kind), batch).statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("[1].regionCode", "[3].regionCode", "[4].regionCode"))
                    .body("violations.message", contains("no region 330699998", "no region 330699", "no region 339900"));
        }
        assertThat(sql.count(EVERYTHING)).isEqualTo(before);
    }

    @Test
    void aRegionOutsideTheCallersSubtreeIsA403WhetherItExistsOrNot() throws SQLException {
        long before = sql.count(EVERYTHING);
        String wuhan = TestTokens.token("operator", "420100");
        // outside 武汉市: 403, for the unknown 339900 as for the real 420000 (existence is not told)
        send(wuhan, "POST", "/api/v1/meetings", meeting("339900", "2025-03-10")).statusCode(403);
        send(wuhan, "POST", "/api/v1/meetings", meeting("420000", "2025-03-10")).statusCode(403);
        send(wuhan, "POST", "/api/v1/meetings/batch", "[" + meeting("420102", "2025-03-10") + "," + meeting("339900", "2025-03-10")
                + "]").statusCode(403).body("detail", containsString("row 1: region 339900"));
        // inside it but unknown: 404
        send(wuhan, "POST", "/api/v1/meetings", meeting("420199", "2025-03-10")).statusCode(404)
                .body("detail", containsString("420199"));
        assertThat(sql.count(EVERYTHING)).isEqualTo(before);
    }

    @Test
    void aWebhookMayNameTheCountryWhichIsNeverInTheCopy() {
        String id = send(ADMIN, "POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"regionCode\":\"000000\"}")
                .statusCode(201).body("regionCode", is("000000")).extract().path("id");
        String wuhan = send(ADMIN, "POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"regionCode\":\"420100\"}")
                .statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(ADMIN).delete("/api/v1/webhooks/" + wuhan).then().statusCode(204);
    }
}
