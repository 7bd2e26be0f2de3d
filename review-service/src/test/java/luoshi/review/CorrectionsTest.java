package luoshi.review;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Corrections" in review-service: committee terms corrected and withdrawn, meetings corrected, documents
 * read, corrected and withdrawn; each authorised like the write it corrects, audited with before and after, and the
 * verdicts follow at once. Regions of Hunan (湖南省 430000: 长沙市 430100, 芙蓉区 430102, 天心区 430103, 岳麓区
 * 430104, 开福区 430105), used by no other test.
 */
@QuarkusTest
@RegionsInCopy({"430000", "430100", "430102", "430103", "430104", "430105"})
class CorrectionsTest extends WithRegionsInCopy {

    private static final String ITEMS = "/internal/v1/compliance/regions/";

    private static ValidatableResponse send(String token, String method, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).request(method, path).then();
    }

    private static String created(String path, String body) {
        return send(ADMIN, "POST", path, body).statusCode(201).extract().path("id");
    }

    private static String term(String region, String start, String end) {
        return "{" + (region == null ? "" : "\"regionCode\":\"" + region + "\",") + "\"start\":\"" + start + "\",\"end\":\""
                + end + "\"}";
    }

    private static String meeting(String region, String type, String date, String ref) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"" + type + "\",\"date\":\"" + date
                + "\",\"title\":\"区委常委会专题研究群团工作\",\"documentRef\":\"" + ref + "\"}";
    }

    private static String plan(String date, String ref) {
        return "{\"regionCode\":\"430000\",\"type\":\"IMPLEMENTATION_PLAN\",\"date\":\"" + date
                + "\",\"title\":\"中共湖南省委关于加强和改进党的群团工作的实施意见\",\"documentRef\":\"" + ref + "\"}";
    }

    private static String countyPlan(String region) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"IMPLEMENTATION_PLAN\",\"date\":\"2016-03-01\","
                + "\"title\":\"区委实施方案\",\"documentRef\":\"天委〔2016〕3号\"}";
    }

    /** The change of the newest audit event of {@code action} about {@code id}: {@code {"before":…,"after":…}}. */
    private JsonPath change(String action, String id) throws SQLException {
        return JsonPath.from(sql.text("SELECT change_json FROM audit_event WHERE action = '" + action + "' AND entity_id = '"
                + id + "' ORDER BY id DESC LIMIT 1"));
    }

    private long events(String id) throws SQLException {
        return sql.count("SELECT COUNT(*) FROM audit_event WHERE entity_id = '" + id + "'");
    }

    @Test
    void aTermWhoseEndAloneMovesIsCorrectedAndAuditedWithBeforeAndAfter() throws SQLException {
        created("/api/v1/committee-terms", term("430102", "2016-10-01", "2021-09-30"));
        String id = created("/api/v1/committee-terms", term("430102", "2021-10-01", "2026-09-30"));
        // the term overlaps its stored self: that is no conflict
        send(ADMIN, "PUT", "/api/v1/committee-terms/" + id, term(null, "2021-10-01", "2026-10-31")).statusCode(200)
                .body("id", is(id)).body("regionCode", is("430102")).body("start", is("2021-10-01"))
                .body("end", is("2026-10-31"));
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=430102").then()
                .body("items.end", contains("2021-09-30", "2026-10-31"));
        JsonPath change = change("UPDATE", id);
        assertThat(change.getString("before.end")).isEqualTo("2026-09-30");
        assertThat(change.getString("after.end")).isEqualTo("2026-10-31");
        assertThat(change.getString("after.regionCode")).isEqualTo("430102");
        // the TERM item of 2021 follows the corrected term's end at once
        given().auth().oauth2(ADMIN).get(ITEMS + "430102?year=2025&asOf=2025-06-01").then().statusCode(200)
                .body("items.findAll { it.requirementId == 'TERM_MASS_ORG_CONFERENCE' }.dueDate", contains("2026-10-31"));
    }

    @Test
    void aTermCorrectedIntoAnotherTermIsA409AndNothingChanges() throws SQLException {
        created("/api/v1/committee-terms", term("430103", "2016-10-01", "2021-09-30"));
        String id = created("/api/v1/committee-terms", term("430103", "2021-10-01", "2026-09-30"));
        created("/api/v1/committee-terms", term("430104", "2021-10-01", "2026-09-30"));
        long events = events(id);
        send(ADMIN, "PUT", "/api/v1/committee-terms/" + id, term(null, "2021-09-30", "2026-09-30")).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("2016-10-01"));
        // moved into a region whose term it overlaps
        send(ADMIN, "PUT", "/api/v1/committee-terms/" + id, term("430104", "2021-10-01", "2026-09-30")).statusCode(409);
        send(ADMIN, "PUT", "/api/v1/committee-terms/" + id, term(null, "2021-10-01", "2021-10-01")).statusCode(400)
                .body("violations.field", contains("end"));
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=430103").then()
                .body("items.start", contains("2016-10-01", "2021-10-01")).body("items.end", contains("2021-09-30", "2026-09-30"));
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=430104").then().body("total", is(1));
        assertThat(events(id)).isEqualTo(events);
    }

    @Test
    void ofTwoConcurrentCorrectionsThatWouldOverlapEachOtherExactlyOneIsStored() throws Exception {
        String earlier = created("/api/v1/committee-terms", term("430105", "2011-10-01", "2016-09-30"));
        String later = created("/api/v1/committee-terms", term("430105", "2021-10-01", "2026-09-30"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            // each alone is sound; both together overlap in 2018-2019
            List<Callable<Integer>> puts = List.of(
                    () -> send(ADMIN, "PUT", "/api/v1/committee-terms/" + earlier, term(null, "2011-10-01", "2019-09-30"))
                            .extract().statusCode(),
                    () -> send(ADMIN, "PUT", "/api/v1/committee-terms/" + later, term(null, "2018-10-01", "2026-09-30"))
                            .extract().statusCode());
            for (Future<Integer> f : pool.invokeAll(puts)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonPath terms = given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=430105").then().extract().jsonPath();
        String earlierEnd = terms.getString("items.find { it.id == '" + earlier + "' }.end");
        String laterStart = terms.getString("items.find { it.id == '" + later + "' }.start");
        assertThat(earlierEnd).isLessThan(laterStart);   // ISO dates: no overlap was stored
        assertThat(List.of(earlierEnd, laterStart)).containsAnyOf("2019-09-30", "2018-10-01")
                .containsAnyOf("2016-09-30", "2021-10-01");   // and exactly one of the corrections
    }

    @Test
    void aDeletedTermIsGoneAndAuditedAsItWas() throws SQLException {
        String id = created("/api/v1/committee-terms", term("430104", "2011-10-01", "2016-09-30"));
        given().auth().oauth2(ADMIN).delete("/api/v1/committee-terms/" + id).then().statusCode(204);
        assertThat(change("DELETE", id).getString("before.start")).isEqualTo("2011-10-01");
        assertThat(change("DELETE", id).getString("after")).isNull();
        given().auth().oauth2(ADMIN).delete("/api/v1/committee-terms/" + id).then().statusCode(404);
        send(ADMIN, "PUT", "/api/v1/committee-terms/" + id, term(null, "2011-10-01", "2016-10-31")).statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=430104").then()
                .body("items.start", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("2011-10-01")));
    }

    @Test
    void aMeetingMovedOutOfTheYearTurnsTheAnnualStudyVerdictAtTheNextRead() throws SQLException {
        String id = created("/api/v1/meetings", meeting("430102", "STANDING_COMMITTEE_STUDY", "2025-04-02", "芙委常〔2025〕4号"));
        String study = "items.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }";
        given().auth().oauth2(ADMIN).get(ITEMS + "430102?year=2025&asOf=2026-01-15").then().statusCode(200)
                .body(study + ".status", is("COMPLIANT")).body(study + ".evidence[0].id", is(id));
        send(ADMIN, "PUT", "/api/v1/meetings/" + id, meeting("430102", "STANDING_COMMITTEE_STUDY", "2026-01-05", "芙委常〔2026〕1号"))
                .statusCode(200).body("id", is(id)).body("date", is("2026-01-05")).body("documentRef", is("芙委常〔2026〕1号"));
        given().auth().oauth2(ADMIN).get(ITEMS + "430102?year=2025&asOf=2026-01-15").then()
                .body(study + ".status", is("NON_COMPLIANT")).body(study + ".actual", is("0"));
        given().auth().oauth2(ADMIN).get(ITEMS + "430102?year=2025&asOf=2025-06-01").then().body(study + ".status", is("PENDING"));
        JsonPath change = change("UPDATE", id);
        assertThat(change.getString("before.date")).isEqualTo("2025-04-02");
        assertThat(change.getString("after.date")).isEqualTo("2026-01-05");
        assertThat(change.getString("before.documentRef")).isEqualTo("芙委常〔2025〕4号");
        // an unknown meeting is a 404, a bad field a 400 naming it
        send(ADMIN, "PUT", "/api/v1/meetings/no-such-meeting", meeting("430102", "JOINT_MEETING", "2025-01-01", "x"))
                .statusCode(404);
        send(ADMIN, "PUT", "/api/v1/meetings/" + id, meeting("430102", "PICNIC", "2025-01-01", "x")).statusCode(400)
                .body("violations.field", contains("type"));
    }

    @Test
    void aDocumentIsReadCorrectedAndDeletedAndTheVerdictFollows() throws SQLException {
        String id = created("/api/v1/documents", plan("2015-11-30", "湘发〔2015〕20号"));
        String plan = "items.find { it.requirementId == 'IMPLEMENTATION_PLAN' }";
        given().auth().oauth2(ADMIN).get("/api/v1/documents/" + id).then().statusCode(200)
                .body("regionCode", is("430000")).body("documentRef", is("湘发〔2015〕20号"));
        given().auth().oauth2(ADMIN).get(ITEMS + "430000?year=2025&asOf=2026-01-15").then()
                .body(plan + ".status", is("COMPLIANT")).body(plan + ".evidence[0].documentRef", is("湘发〔2015〕20号"));

        send(ADMIN, "PUT", "/api/v1/documents/" + id, plan("2015-11-30", "湘发〔2015〕21号")).statusCode(200)
                .body("id", is(id)).body("documentRef", is("湘发〔2015〕21号"));
        given().auth().oauth2(ADMIN).get("/api/v1/documents/" + id).then().body("documentRef", is("湘发〔2015〕21号"));
        given().auth().oauth2(ADMIN).get(ITEMS + "430000?year=2025&asOf=2026-01-15").then()
                .body(plan + ".evidence[0].documentRef", is("湘发〔2015〕21号"));
        JsonPath change = change("UPDATE", id);
        assertThat(change.getString("before.documentRef")).isEqualTo("湘发〔2015〕20号");
        assertThat(change.getString("after.documentRef")).isEqualTo("湘发〔2015〕21号");

        given().auth().oauth2(ADMIN).delete("/api/v1/documents/" + id).then().statusCode(204);
        assertThat(change("DELETE", id).getString("before.documentRef")).isEqualTo("湘发〔2015〕21号");
        given().auth().oauth2(ADMIN).get("/api/v1/documents/" + id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).delete("/api/v1/documents/" + id).then().statusCode(404);
        send(ADMIN, "PUT", "/api/v1/documents/" + id, plan("2015-11-30", "湘发〔2015〕21号")).statusCode(404);
        given().auth().oauth2(ADMIN).get(ITEMS + "430000?year=2025&asOf=2026-01-15").then()
                .body(plan + ".status", is("NON_COMPLIANT"));
    }

    @Test
    void aCorrectionIsAuthorisedLikeTheWriteItCorrects() throws SQLException {
        String meeting = created("/api/v1/meetings", meeting("430103", "JOINT_MEETING", "2025-05-06", "天委〔2025〕5号"));
        String term = created("/api/v1/committee-terms", term("430105", "2001-10-01", "2006-09-30"));
        String document = created("/api/v1/documents", countyPlan("430103"));
        long before = sql.count("SELECT COUNT(*) FROM audit_event");
        String changsha = TestTokens.token("operator", "430100");
        String yuelu = TestTokens.token("operator", "430104");
        // another region's records
        send(yuelu, "PUT", "/api/v1/meetings/" + meeting, meeting("430104", "JOINT_MEETING", "2025-05-06", "x")).statusCode(403);
        send(yuelu, "PUT", "/api/v1/committee-terms/" + term, term(null, "2001-10-01", "2006-10-31")).statusCode(403);
        given().auth().oauth2(yuelu).delete("/api/v1/committee-terms/" + term).then().statusCode(403);
        // moving a record out of the caller's subtree
        send(changsha, "PUT", "/api/v1/meetings/" + meeting, meeting("430000", "JOINT_MEETING", "2025-05-06", "x")).statusCode(403);
        send(changsha, "PUT", "/api/v1/committee-terms/" + term, term("430000", "2001-10-01", "2006-09-30")).statusCode(403);
        // 天心区's document is not 岳麓区's to read, correct or withdraw
        given().auth().oauth2(TestTokens.token("viewer", "430104")).get("/api/v1/documents/" + document).then().statusCode(403);
        send(yuelu, "PUT", "/api/v1/documents/" + document, countyPlan("430104")).statusCode(403);
        given().auth().oauth2(yuelu).delete("/api/v1/documents/" + document).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("viewer", "430100")).get("/api/v1/documents/" + document).then().statusCode(200);
        // a viewer corrects nothing
        send(TestTokens.token("viewer", "430000"), "PUT", "/api/v1/meetings/" + meeting,
                meeting("430103", "JOINT_MEETING", "2025-05-07", "x")).statusCode(403);
        assertThat(sql.count("SELECT COUNT(*) FROM audit_event")).isEqualTo(before);
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=430103").then().body("items[0].documentRef", is("天委〔2025〕5号"));

        // inside its subtree the city's operator moves a meeting from one district to another
        send(changsha, "PUT", "/api/v1/meetings/" + meeting, meeting("430104", "JOINT_MEETING", "2025-05-06", "岳委〔2025〕5号"))
                .statusCode(200).body("regionCode", is("430104"));
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=430103").then().body("total", is(0));
        assertThat(change("UPDATE", meeting).getString("before.regionCode")).isEqualTo("430103");
        assertThat(change("UPDATE", meeting).getString("after.regionCode")).isEqualTo("430104");
    }
}
