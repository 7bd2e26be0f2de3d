package luoshi.review;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.sql.SQLException;
import java.util.Collections;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The batch imports of meetings, documents and committee terms: all or nothing, every invalid row named, the
 * caller's subtree, one IMPORT event, idempotency keys, the terms' overlaps. Regions of Shandong (370000) and
 * Jiangxi (360000), used by no other test; 嵊州市 (330683) as a row inside an operator's 绍兴.
 */
@QuarkusTest
@RegionsInCopy({"330600", "330683", "370000", "370100", "370102", "370103", "370104", "370105", "370112", "370113", "370114",
        "370115", "370116", "370117", "370124", "370126", "370200", "370202", "370203"})
class CommitteeImportsTest extends WithRegionsInCopy {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String OPERATOR_SHAOXING = TestTokens.token("operator", "330600");

    private static ValidatableResponse post(String token, String key, String path, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(path).then();
    }

    private static ValidatableResponse post(String path, String body) {
        return post(ADMIN, null, path, body);
    }

    private static String meeting(String region, String type, String date, String title, String ref) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"" + type + "\",\"date\":\"" + date + "\",\"title\":\"" + title
                + "\"" + (ref == null ? "" : ",\"documentRef\":\"" + ref + "\"") + "}";
    }

    private static String term(String region, String start, String end) {
        return "{\"regionCode\":\"" + region + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}";
    }

    private static String batch(String... rows) {
        return "[" + String.join(",", rows) + "]";
    }

    private long count(String query) throws SQLException {
        return sql.count(query);
    }

    private long imports(String entity) throws SQLException {
        return count("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT' AND entity = '" + entity + "'");
    }

    /** The change of the newest IMPORT event of {@code entity}: {@code {"before":null,"after":[…]}}. */
    private JsonPath lastImport(String entity) throws SQLException {
        return JsonPath.from(sql.text("SELECT change_json FROM audit_event WHERE action = 'IMPORT' AND entity = '" + entity
                + "' ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void aBatchOfMeetingsIsStoredWholeAndAuditedAsOneImport() throws SQLException {
        long importsBefore = imports("meeting");
        post("/api/v1/meetings/batch", batch(
                meeting("370102", "STANDING_COMMITTEE_STUDY", "2025-03-10", " 区委常委会专题研究党的群团工作 ", "历下委常〔2025〕3号"),
                meeting("370102", "JOINT_MEETING", "2025-05-06", "群团工作联席会议", null),
                meeting("370103", "REPORT_HEARING", "2025-06-18", "听取群团工作汇报", "市中委〔2025〕8号")))
                .statusCode(200).body("accepted", is(3));

        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=370102&year=2025").then().statusCode(200)
                .body("total", is(2))
                .body("items.type", contains("STANDING_COMMITTEE_STUDY", "JOINT_MEETING"))
                .body("items.date", contains("2025-03-10", "2025-05-06"))
                .body("items.title", contains("区委常委会专题研究党的群团工作", "群团工作联席会议"))
                .body("items[0].documentRef", is("历下委常〔2025〕3号"))
                .body("items[1].documentRef", is((Object) null))
                .body("items[0].id", matchesPattern(UUID));
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=370103").then()
                .body("total", is(1)).body("items[0].title", is("听取群团工作汇报")).body("items[0].documentRef", is("市中委〔2025〕8号"));

        assertThat(imports("meeting")).isEqualTo(importsBefore + 1);
        JsonPath change = lastImport("meeting");
        assertThat(change.getList("after")).hasSize(3);
        assertThat(change.getString("after[2].regionCode")).isEqualTo("370103");
        assertThat(change.getString("after[0].id")).matches(UUID);
    }

    @Test
    void aBatchWithTwoInvalidMeetingsNamesBothAndStoresNothing() throws SQLException {
        long before = count("SELECT COUNT(*) FROM meeting");
        long importsBefore = imports("meeting");
        post("/api/v1/meetings/batch", batch(
                meeting("370104", "JOINT_MEETING", "2025-05-06", "联席会议", null),
                meeting("370104", "JOINT_MEETING", "2025-02-30", "联席会议", null),
                meeting("370104", "REPORT_HEARING", "2025-06-01", "听取汇报", null),
                meeting("370104", "REPORT_HEARING", "2025-06-02", " ", null)))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("[1].date", "[3].title"))
                .body("detail", containsString("[1].date"));
        assertThat(count("SELECT COUNT(*) FROM meeting")).isEqualTo(before);
        assertThat(imports("meeting")).isEqualTo(importsBefore);
    }

    @Test
    void aMeetingOutsideTheOperatorsRegionIsA403AndNothingIsStored() throws SQLException {
        long before = count("SELECT COUNT(*) FROM meeting");
        post(OPERATOR_SHAOXING, null, "/api/v1/meetings/batch", batch(
                meeting("330683", "JOINT_MEETING", "2025-05-06", "嵊州市群团工作联席会议", null),
                meeting("370105", "JOINT_MEETING", "2025-05-06", "天桥区群团工作联席会议", null)))
                .statusCode(403).contentType("application/problem+json").body("detail", startsWith("row 1: region 370105"));
        assertThat(count("SELECT COUNT(*) FROM meeting")).isEqualTo(before);
        // inside its subtree, the same operator imports
        post(OPERATOR_SHAOXING, null, "/api/v1/meetings/batch", batch(
                meeting("330683", "JOINT_MEETING", "2025-05-06", "嵊州市群团工作联席会议", null)))
                .statusCode(200).body("accepted", is(1));
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE region_code = '330683'")).isEqualTo(1);
    }

    @Test
    void aBatchOfMeetingsSentTwiceWithOneIdempotencyKeyIsStoredOnce() throws SQLException {
        String body = batch(meeting("370202", "JOINT_MEETING", "2025-04-01", "市南区群团工作联席会议", null),
                meeting("370202", "REPORT_HEARING", "2025-09-01", "听取群团工作汇报", null));
        long importsBefore = imports("meeting");
        for (int attempt = 0; attempt < 2; attempt++) {
            post(ADMIN, "市南区-2025-meetings-1", "/api/v1/meetings/batch", body).statusCode(200).body("accepted", is(2));
        }
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE region_code = '370202'")).isEqualTo(2);
        assertThat(imports("meeting")).isEqualTo(importsBefore + 1);
        // another key is another import; the same key at another endpoint is that endpoint's own
        post(ADMIN, "市南区-2025-meetings-2", "/api/v1/meetings/batch", body).statusCode(200).body("accepted", is(2));
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE region_code = '370202'")).isEqualTo(4);
        post(ADMIN, "市南区-2025-meetings-1", "/api/v1/documents/batch", batch("{\"regionCode\":\"370202\","
                + "\"type\":\"IMPLEMENTATION_PLAN\",\"date\":\"2016-01-05\",\"title\":\"实施方案\"}")).statusCode(200)
                .body("accepted", is(1));
        assertThat(count("SELECT COUNT(*) FROM committee_document WHERE region_code = '370202'")).isEqualTo(1);
    }

    @Test
    void anEmptyBatchIsAcceptedAndOneOfMoreThanTenThousandRowsIsRefused() throws SQLException {
        post("/api/v1/meetings/batch", "[]").statusCode(200).body("accepted", is(0));
        post("/api/v1/committee-terms/batch", "[]").statusCode(200).body("accepted", is(0));
        post("/api/v1/documents/batch", "[]").statusCode(200).body("accepted", is(0));
        String row = meeting("370203", "JOINT_MEETING", "2025-04-01", "联席会议", null);
        post("/api/v1/meetings/batch", "[" + String.join(",", Collections.nCopies(10_001, row)) + "]")
                .statusCode(413).body("detail", containsString("10,000"));
        assertThat(count("SELECT COUNT(*) FROM meeting WHERE region_code = '370203'")).isZero();
    }

    @Test
    void aBatchOfDocumentsIsStoredWholeOrNotAtAll() throws SQLException {
        long importsBefore = imports("document");
        String plan = "{\"regionCode\":\"%s\",\"type\":\"IMPLEMENTATION_PLAN\",\"date\":\"%s\",\"title\":\"%s\",\"documentRef\":\"%s\"}";
        post("/api/v1/documents/batch", batch(
                String.format(plan, "370000", "2015-12-10", "中共山东省委关于加强和改进党的群团工作的实施意见", "鲁发〔2015〕25号"),
                String.format(plan, "370100", "2016-03-02", "济南市实施方案", "济发〔2016〕5号")))
                .statusCode(200).body("accepted", is(2));
        given().auth().oauth2(ADMIN).get("/api/v1/documents?regionCode=370000&type=IMPLEMENTATION_PLAN").then()
                .body("total", is(1)).body("items[0].date", is("2015-12-10"))
                .body("items[0].title", is("中共山东省委关于加强和改进党的群团工作的实施意见"))
                .body("items[0].documentRef", is("鲁发〔2015〕25号")).body("items[0].id", matchesPattern(UUID));
        given().auth().oauth2(ADMIN).get("/api/v1/documents?regionCode=370100").then()
                .body("total", is(1)).body("items[0].documentRef", is("济发〔2016〕5号"));
        assertThat(imports("document")).isEqualTo(importsBefore + 1);
        assertThat(lastImport("document").getList("after.regionCode")).containsExactly("370000", "370100");

        long before = count("SELECT COUNT(*) FROM committee_document");
        post("/api/v1/documents/batch", batch(
                String.format(plan, "370200", "2016-04-01", "青岛市实施方案", "青发〔2016〕1号"),
                "{\"regionCode\":\"37020\",\"type\":\"IMPLEMENTATION_PLAN\",\"date\":\"2016-04-01\",\"title\":\"x\"}",
                "{\"regionCode\":\"370200\",\"type\":\"IMPLEMENTATION_PLAN\",\"title\":\"y\"}"))
                .statusCode(400).body("violations.field", contains("[1].regionCode", "[2].date"));
        post(OPERATOR_SHAOXING, null, "/api/v1/documents/batch", batch(
                String.format(plan, "330683", "2016-04-01", "嵊州市实施方案", "嵊委〔2016〕2号"),
                String.format(plan, "370200", "2016-04-01", "青岛市实施方案", "青发〔2016〕1号")))
                .statusCode(403).body("detail", startsWith("row 1: region 370200"));
        assertThat(count("SELECT COUNT(*) FROM committee_document")).isEqualTo(before);
        assertThat(imports("document")).isEqualTo(importsBefore + 1);
    }

    @Test
    void aBatchOfTermsIsStoredWithAdjacentTermsOfOneRegion() throws SQLException {
        long importsBefore = imports("committee-term");
        String body = batch(term("370112", "2016-10-01", "2021-09-30"), term("370112", "2021-10-01", "2026-09-30"),
                term("370113", "2021-10-01", "2026-09-30"));
        post(ADMIN, "历城-长清-terms-1", "/api/v1/committee-terms/batch", body).statusCode(200).body("accepted", is(3));
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=370112").then().statusCode(200)
                .body("total", is(2))
                .body("items.start", contains("2016-10-01", "2021-10-01"))
                .body("items.end", contains("2021-09-30", "2026-09-30"))
                .body("items[0].id", matchesPattern(UUID));
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=370113").then()
                .body("total", is(1)).body("items[0].end", is("2026-09-30"));
        assertThat(imports("committee-term")).isEqualTo(importsBefore + 1);
        assertThat(lastImport("committee-term").getList("after.start")).containsExactly("2016-10-01", "2021-10-01", "2021-10-01");
        // sent again with its key: the first answer, not a 409 against its own terms
        post(ADMIN, "历城-长清-terms-1", "/api/v1/committee-terms/batch", body).statusCode(200).body("accepted", is(3));
        assertThat(count("SELECT COUNT(*) FROM committee_term WHERE region_code IN ('370112', '370113')")).isEqualTo(3);
    }

    @Test
    void termsEndingBeforeTheyStartAreNamedEachAndNothingIsStored() throws SQLException {
        long before = count("SELECT COUNT(*) FROM committee_term");
        post("/api/v1/committee-terms/batch", batch(term("370116", "2021-10-01", "2021-10-01"),
                term("370117", "2021-10-01", "2026-09-30"), term("370116", "2026-10-01", "2021-10-01")))
                .statusCode(400).body("violations.field", contains("[0].end", "[2].end"))
                .body("violations[1].message", containsString("2026-10-01"));
        assertThat(count("SELECT COUNT(*) FROM committee_term")).isEqualTo(before);
    }

    @Test
    void aTermOverlappingAnotherOfTheBatchIsA409NamingBothAndNothingIsStored() throws SQLException {
        long before = count("SELECT COUNT(*) FROM committee_term");
        long importsBefore = imports("committee-term");
        post("/api/v1/committee-terms/batch", batch(term("370114", "2016-10-01", "2021-09-30"),
                term("370126", "2021-10-01", "2026-09-30"), term("370114", "2021-09-30", "2026-09-29")))
                .statusCode(409).contentType("application/problem+json")
                .body("detail", startsWith("[2]: the term 2021-09-30 – 2026-09-29 overlaps the term 2016-10-01 – 2021-09-30"
                        + " of region 370114 in row [0]"));
        assertThat(count("SELECT COUNT(*) FROM committee_term")).isEqualTo(before);
        assertThat(imports("committee-term")).isEqualTo(importsBefore);
    }

    @Test
    void aTermOverlappingAStoredTermIsA409NamingItAndNothingIsStored() throws SQLException {
        String stored = post("/api/v1/committee-terms", term("370115", "2016-10-01", "2021-09-30")).statusCode(201)
                .extract().path("id");
        long before = count("SELECT COUNT(*) FROM committee_term");
        post("/api/v1/committee-terms/batch", batch(term("370124", "2021-10-01", "2026-09-30"),
                term("370115", "2021-01-01", "2025-12-31")))
                .statusCode(409).body("detail", is("[1]: the term 2021-01-01 – 2025-12-31 overlaps the term 2016-10-01 – "
                        + "2021-09-30 of region 370115 (id " + stored + ")."));
        assertThat(count("SELECT COUNT(*) FROM committee_term")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM committee_term WHERE region_code = '370124'")).isZero();
    }

    @Test
    void aTermOutsideTheOperatorsRegionIsA403AndNothingIsStored() throws SQLException {
        long before = count("SELECT COUNT(*) FROM committee_term");
        post(OPERATOR_SHAOXING, null, "/api/v1/committee-terms/batch", batch(term("330683", "2021-10-01", "2026-09-30"),
                term("370117", "2021-10-01", "2026-09-30")))
                .statusCode(403).body("detail", startsWith("row 1: region 370117"));
        assertThat(count("SELECT COUNT(*) FROM committee_term")).isEqualTo(before);
    }

    @Test
    void aKeptComplianceAnswerSeesAnImportedBatch() throws SQLException {
        sql.execute("INSERT INTO region (code, name, level, parent_code, version) VALUES ('360000','江西省','PROVINCE',NULL,1),"
                + "('360100','南昌市','CITY','360000',2),('360102','东湖区','COUNTY','360100',3)");
        try {
            String items = "/internal/v1/compliance/regions/360102?year=2025&asOf=2026-01-15";
            String study = "items.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }";
            for (int asked = 0; asked < 2; asked++) {   // the second answer is the one kept
                given().auth().oauth2(ADMIN).get(items).then().statusCode(200)
                        .body(study + ".status", is("NON_COMPLIANT")).body(study + ".actual", is("0"));
            }
            post("/api/v1/meetings/batch", batch(meeting("360102", "STANDING_COMMITTEE_STUDY", "2025-04-02",
                    "区委常委会专题研究群团工作", "东湖委常〔2025〕4号"))).statusCode(200).body("accepted", is(1));
            given().auth().oauth2(ADMIN).get(items).then().statusCode(200)
                    .body(study + ".status", is("COMPLIANT")).body(study + ".actual", is("1"))
                    .body(study + ".evidence[0].documentRef", is("东湖委常〔2025〕4号"));
        } finally {
            sql.execute("DELETE FROM region WHERE code LIKE '36%'", "DELETE FROM meeting WHERE region_code LIKE '36%'");
        }
    }
}
