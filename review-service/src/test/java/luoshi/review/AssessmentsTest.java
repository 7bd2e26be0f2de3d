package luoshi.review;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static luoshi.testing.VersionChecks.assertStale;
import static luoshi.testing.VersionChecks.etag;
import static luoshi.testing.VersionChecks.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import luoshi.testing.AuditChain;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Satisfaction assessments" and REQUIREMENTS.md, "Additions (third wave)": a third party (the role assessor)
 * records assessments in its subtree and nothing else; SATISFACTION_RATE compares Σ satisfied with minShare × Σ
 * respondents exactly (799 of 1,000 misses 0.8, 800 meets it); corrections and deletions are versioned and audited.
 * Regions of 诸暨市 (330681, inside 绍兴市 330600, the issuer of MASS_SATISFACTION): 暨阳街道 330681001, 浣东街道
 * 330681002; 上虞区 330604 lies outside an assessor of 诸暨市.
 */
@QuarkusTest
@RegionsInCopy({"330600", "330681", "330681001", "330681002", "330604"})
class AssessmentsTest extends WithRegionsInCopy {

    static final String CITY = "330681";
    static final String TOWNSHIP = "330681001";
    static final String ASSESSOR = TestTokens.token("assessor", CITY, "民意调查中心");
    static final String ITEMS = "/internal/v1/compliance/regions/";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void removeFacts() throws SQLException {
        sql.execute("DELETE FROM satisfaction_assessment WHERE region_code LIKE '330681%' OR region_code LIKE '330604%'",
                "DELETE FROM requirement_parameter WHERE region_code LIKE '330681%'");
    }

    static String assessment(String region, int respondents, int satisfied, String subject) {
        return "{\"regionCode\":\"" + region + "\",\"year\":2025,\"assessor\":\"浙江省统计局民意调查中心\",\"method\":\"SURVEY\","
                + "\"respondents\":" + respondents + ",\"satisfied\":" + satisfied + ",\"subject\":\"" + subject + "\","
                + "\"documentRef\":\"浙统民调〔2025〕18号\"}";
    }

    static String created(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/assessments").then()
                .statusCode(201).body("version", is(1)).extract().path("id");
    }

    /** The township's item of {@code requirement} for 2025, as evaluated on {@code asOf}. */
    static JsonPath item(String requirement, String asOf) {
        return given().auth().oauth2(ADMIN).get(ITEMS + TOWNSHIP + "?year=2025&asOf=" + asOf).then().statusCode(200)
                .extract().jsonPath().setRootPath("items.find { it.requirementId == '" + requirement + "' }");
    }

    private long count(String query) {
        try {
            return sql.count(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAssessorRecords799Of1000AgainstMinShare08ThenCorrectsItTo800() {
        // the seeds set no number: NOT_APPLICABLE until a jurisdiction sets one; then NO_DATA without an assessment
        assertThat(item("MASS_SATISFACTION", "2026-01-15").getString("status")).isEqualTo("NOT_APPLICABLE");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minShare\":\"0.8\"}")
                .put("/api/v1/requirements/MASS_SATISFACTION/parameters/" + CITY).then().statusCode(200);
        assertThat(item("MASS_SATISFACTION", "2026-01-15").getString("status")).isEqualTo("NO_DATA");

        String id = given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                .body(assessment(TOWNSHIP, 1000, 799, "MASSES")).post("/api/v1/assessments").then().statusCode(201)
                .header("Location", startsWith("http")).body("regionCode", is(TOWNSHIP)).body("year", is(2025))
                .body("assessor", is("浙江省统计局民意调查中心")).body("method", is("SURVEY")).body("respondents", is(1000))
                .body("satisfied", is(799)).body("subject", is("MASSES")).body("documentRef", is("浙统民调〔2025〕18号"))
                .body("version", is(1)).extract().path("id");
        JsonPath missed = item("MASS_SATISFACTION", "2026-01-15");
        assertThat(missed.getString("status")).isEqualTo("NON_COMPLIANT");
        assertThat(missed.getString("expected")).isEqualTo("0.8");
        assertThat(missed.getString("actual")).isEqualTo("0.7990 (799 of 1000)");
        assertThat(missed.getString("evidence[0].kind")).isEqualTo("ASSESSMENT");
        assertThat(missed.getString("evidence[0].id")).isEqualTo(id);
        assertThat(missed.getString("evidence[0].documentRef")).isEqualTo("浙统民调〔2025〕18号");
        assertThat(item("MASS_SATISFACTION", "2025-06-30").getString("status")).isEqualTo("PENDING");
        // the masses' assessment says nothing of the subordinate organisations; their share is set by nobody yet
        assertThat(item("SUBORDINATE_SATISFACTION", "2026-01-15").getString("status")).isEqualTo("NOT_APPLICABLE");

        String path = "/api/v1/assessments/" + id;
        given().auth().oauth2(ASSESSOR).get(path).then().statusCode(200).header("ETag", etag(1)).body("satisfied", is(799));
        write(ASSESSOR, "PUT", path, assessment(TOWNSHIP, 1000, 800, "MASSES"), etag(1)).statusCode(200)
                .header("ETag", etag(2)).body("satisfied", is(800)).body("version", is(2));
        JsonPath met = item("MASS_SATISFACTION", "2026-01-15");
        assertThat(met.getString("status")).isEqualTo("COMPLIANT");
        assertThat(met.getString("actual")).isEqualTo("0.8000 (800 of 1000)");

        // a stale If-Match: 412 naming the current ETag, nothing written
        long events = count("SELECT COUNT(*) FROM audit_event");
        assertStale(write(ASSESSOR, "PUT", path, assessment(TOWNSHIP, 1000, 1, "MASSES"), etag(1)), etag(2));
        assertStale(write(ASSESSOR, "DELETE", path, null, etag(1)), etag(2));
        given().auth().oauth2(ASSESSOR).get(path).then().statusCode(200).body("satisfied", is(800)).body("version", is(2));
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);

        // the shares are summed over the year's assessments: 800 of 1,001 misses 0.8 by a thousandth of a person
        String second = created(ASSESSOR, assessment(TOWNSHIP, 1, 0, "MASSES"));
        assertThat(item("MASS_SATISFACTION", "2026-01-15").getString("status")).isEqualTo("NON_COMPLIANT");
        write(ASSESSOR, "DELETE", "/api/v1/assessments/" + second, null, etag(1)).statusCode(204);
        given().auth().oauth2(ASSESSOR).get("/api/v1/assessments/" + second).then().statusCode(404);
        assertThat(item("MASS_SATISFACTION", "2026-01-15").getString("status")).isEqualTo("COMPLIANT");

        AuditChain chain = AuditChain.of(dataSource, "assessment", id).assertUnbroken();
        assertThat(chain.events()).extracting(AuditChain.Event::action).containsExactly("CREATE", "UPDATE");
        assertThat(chain.afters().get(1).path("satisfied").asInt()).isEqualTo(800);
        assertThat(AuditChain.of(dataSource, "assessment", second).assertUnbroken().events())
                .extracting(AuditChain.Event::action).containsExactly("CREATE", "DELETE");
    }

    @Test
    void satisfiedAboveRespondentsOrNoRespondentIsA400NamingTheFieldAndStoresNothing() {
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body(assessment(TOWNSHIP, 1000, 1001, "MASSES"))
                .post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("satisfied"));
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body(assessment(TOWNSHIP, 0, 0, "MASSES"))
                .post("/api/v1/assessments").then().statusCode(400).body("violations.field", hasItem("respondents"));
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                .body(assessment(TOWNSHIP, 10, 5, "MASSES").replace("\"MASSES\"", "\"EVERYONE\""))
                .post("/api/v1/assessments").then().statusCode(400).body("violations.field", hasItem("subject"));
        assertThat(count("SELECT COUNT(*) FROM satisfaction_assessment WHERE region_code = '" + TOWNSHIP + "'")).isZero();

        String id = created(ASSESSOR, assessment(TOWNSHIP, 10, 5, "SUBORDINATE_ORGS"));
        write(ASSESSOR, "PUT", "/api/v1/assessments/" + id, assessment(TOWNSHIP, 10, 11, "SUBORDINATE_ORGS"), null)
                .statusCode(400).body("violations.field", contains("satisfied"));
        given().auth().oauth2(ASSESSOR).get("/api/v1/assessments/" + id).then().statusCode(200).body("satisfied", is(5))
                .body("version", is(1));
        // a region the copy does not hold: 404 naming it
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body(assessment("330681003", 10, 5, "MASSES"))
                .post("/api/v1/assessments").then().statusCode(404);
    }

    @Test
    void anAssessorRecordsAssessmentsInItsSubtreeAndReadsButWritesNothingElse() {
        long events = count("SELECT COUNT(*) FROM audit_event");
        // outside its subtree, and other roles than assessor or admin: 403
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body(assessment("330604", 10, 5, "MASSES"))
                .post("/api/v1/assessments").then().statusCode(403);
        for (String role : new String[] {"viewer", "operator"}) {
            given().auth().oauth2(TestTokens.token(role, CITY)).contentType(ContentType.JSON)
                    .body(assessment(TOWNSHIP, 10, 5, "MASSES")).post("/api/v1/assessments").then().statusCode(403);
        }
        // every other write refuses the assessor
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{\"regionCode\":\"" + CITY
                + "\",\"type\":\"JOINT_MEETING\",\"date\":\"2025-06-01\",\"title\":\"联席会议\"}").post("/api/v1/meetings").then()
                .statusCode(403);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{\"regionCode\":\"" + CITY
                + "\",\"start\":\"2021-10-01\",\"end\":\"2026-09-30\"}").post("/api/v1/committee-terms").then().statusCode(403);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("[]").post("/api/v1/documents/batch").then()
                .statusCode(403);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{\"minShare\":\"0.5\"}")
                .put("/api/v1/requirements/MASS_SATISFACTION/parameters/" + CITY).then().statusCode(403);
        given().auth().oauth2(ASSESSOR).post("/api/v1/reminders/run?asOf=2026-01-15&regionCode=" + CITY).then().statusCode(403);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/hook\",\"regionCode\":\"" + CITY + "\"}").post("/api/v1/webhooks").then()
                .statusCode(403);
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
        assertThat(count("SELECT COUNT(*) FROM satisfaction_assessment WHERE region_code LIKE '3306%'")).isZero();

        // it records in its subtree and reads there; an admin records too
        String mine = created(ASSESSOR, assessment(TOWNSHIP, 100, 90, "MASSES"));
        created(ADMIN, assessment("330681002", 100, 80, "SUBORDINATE_ORGS"));
        String other = created(ADMIN, assessment("330604", 100, 70, "MASSES"));
        given().auth().oauth2(ASSESSOR).get("/api/v1/meetings?regionCode=" + CITY).then().statusCode(200);
        given().auth().oauth2(ASSESSOR).get("/api/v1/assessments?regionCode=" + CITY + "&year=2025").then().statusCode(200)
                .body("total", is(2)).body("items.regionCode", containsInAnyOrder(TOWNSHIP, "330681002"));
        given().auth().oauth2(ASSESSOR).get("/api/v1/assessments").then().statusCode(200).body("total", is(2));
        given().auth().oauth2(ASSESSOR).get("/api/v1/assessments?regionCode=" + CITY + "&year=2024").then().statusCode(200)
                .body("total", is(0));
        given().auth().oauth2(ASSESSOR).get("/api/v1/assessments?regionCode=330604").then().statusCode(403);
        given().auth().oauth2(ASSESSOR).get("/api/v1/assessments/" + other).then().statusCode(403);
        // nor may it move its assessment out of its subtree, or delete one outside it
        write(ASSESSOR, "PUT", "/api/v1/assessments/" + mine, assessment("330604", 100, 90, "MASSES"), null).statusCode(403);
        write(ASSESSOR, "DELETE", "/api/v1/assessments/" + other, null, null).statusCode(403);
        write(TestTokens.token("operator", CITY), "DELETE", "/api/v1/assessments/" + mine, null, null).statusCode(403);
        given().auth().oauth2(ASSESSOR).get("/api/v1/assessments/" + mine).then().statusCode(200).body("regionCode", is(TOWNSHIP))
                .body("documentRef", is("浙统民调〔2025〕18号")).body("subject", is("MASSES")).body("version", is(1))
                .body("id", is(mine));
        given().auth().oauth2(ASSESSOR).get("/api/v1/assessments/no-such-id").then().statusCode(404)
                .body("detail", is("No assessment no-such-id.")).body("violations", nullValue());
    }
}
