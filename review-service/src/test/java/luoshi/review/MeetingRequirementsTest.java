package luoshi.review;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meeting and document requirements (REQUIREMENTS.md, Seed catalog) over the read copy of
 * regions (Fujian 350000: 福州市 350100, 鼓楼区 350102, 台江区 350103, 鼓东街道 350102001).
 */
@QuarkusTest
class MeetingRequirementsTest {

    private static final String ITEMS = "/internal/v1/compliance/regions/";

    @Inject
    DirectSql sql;

    @BeforeEach
    void regions() throws Exception {
        sql.execute("INSERT INTO region (code, name, level, parent_code, version) VALUES ('350000','福建省','PROVINCE',NULL,1),"
                + "('350100','福州市','CITY','350000',2),('350102','鼓楼区','COUNTY','350100',3),"
                + "('350103','台江区','COUNTY','350100',4),('350102001','鼓东街道','TOWNSHIP','350102',5)");
    }

    /** The regions leave with each test, so that other tests' reminder runs do not see them. */
    @AfterEach
    void removeFacts() throws Exception {
        sql.execute("DELETE FROM region WHERE code LIKE '35%'", "DELETE FROM meeting WHERE region_code LIKE '35%'",
                "DELETE FROM committee_term WHERE region_code LIKE '35%'",
                "DELETE FROM committee_document WHERE region_code LIKE '35%'",
                "DELETE FROM requirement_parameter WHERE region_code LIKE '35%'");
    }

    private static void meeting(String region, String type, String date, String ref) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"regionCode\":\"" + region + "\",\"type\":\"" + type
                + "\",\"date\":\"" + date + "\",\"title\":\"会议\",\"documentRef\":\"" + ref + "\"}")
                .post("/api/v1/meetings").then().statusCode(201);
    }

    private static void term(String region, String start, String end) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"regionCode\":\"" + region + "\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}").post("/api/v1/committee-terms").then().statusCode(201);
    }

    @Test
    void theCatalogHasTheFiveMeetingAndDocumentRequirements() {
        given().auth().oauth2(ADMIN).get("/api/v1/requirements").then().statusCode(200)
                .body("items.id", containsInAnyOrder("ANNUAL_COMMITTEE_STUDY", "REGULAR_REPORT_HEARING",
                        "TERM_MASS_ORG_CONFERENCE", "JOINT_MEETING", "IMPLEMENTATION_PLAN", "MASS_SATISFACTION",
                        "SUBORDINATE_SATISFACTION"))
                .body("items.find { it.id == 'IMPLEMENTATION_PLAN' }.dueDate", is("2015-12-31"))
                .body("items.find { it.id == 'TERM_MASS_ORG_CONFERENCE' }.period", is("TERM"));
    }

    @Test
    void aCountyYearIsEvaluatedWithEvidence() {
        meeting("350102", "STANDING_COMMITTEE_STUDY", "2025-04-02", "鼓委常〔2025〕7号");
        meeting("350102", "JOINT_MEETING", "2026-01-05", "次年的会议");
        String path = ITEMS + "350102?year=2025&asOf=";
        given().auth().oauth2(ADMIN).get(path + "2026-01-15").then().statusCode(200).body("regionName", is("鼓楼区"))
                .body("items.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.status", is("COMPLIANT"))
                .body("items.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.actual", is("1"))
                .body("items.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.evidence[0].documentRef", is("鼓委常〔2025〕7号"))
                .body("items.find { it.requirementId == 'REGULAR_REPORT_HEARING' }.status", is("NON_COMPLIANT"))
                .body("items.find { it.requirementId == 'JOINT_MEETING' }.status", is("NON_COMPLIANT"))
                .body("items.find { it.requirementId == 'TERM_MASS_ORG_CONFERENCE' }.status", is("NO_DATA"))
                .body("items.find { it.requirementId == 'IMPLEMENTATION_PLAN' }.status", is("NOT_APPLICABLE"));
        given().auth().oauth2(ADMIN).get(path + "2025-06-01").then()
                .body("items.find { it.requirementId == 'REGULAR_REPORT_HEARING' }.status", is("PENDING"))
                .body("items.find { it.requirementId == 'REGULAR_REPORT_HEARING' }.dueDate", is("2025-12-31"));
        // a meeting after asOf is not known on asOf
        given().auth().oauth2(ADMIN).get(path + "2025-03-01").then()
                .body("items.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.status", is("PENDING"));
        // townships are not subject to the committee meetings (nor, outside 绍兴市, to its satisfaction requirements)
        given().auth().oauth2(ADMIN).get(ITEMS + "350102001?year=2025&asOf=2026-01-15").then()
                .body("items.status", contains("NOT_APPLICABLE", "NOT_APPLICABLE", "NOT_APPLICABLE", "NOT_APPLICABLE",
                        "NOT_APPLICABLE", "NOT_APPLICABLE", "NOT_APPLICABLE"));
    }

    @Test
    void aCountyMayRequireTwoReportHearingsButNeverFewerThanTheIssuer() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"min\":2}")
                .put("/api/v1/requirements/REGULAR_REPORT_HEARING/parameters/350102").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"min\":0}")
                .put("/api/v1/requirements/REGULAR_REPORT_HEARING/parameters/350103").then().statusCode(400)
                .body("violations.field", hasItem("min"));
        meeting("350102", "REPORT_HEARING", "2025-05-06", "鼓委常〔2025〕9号");
        meeting("350103", "REPORT_HEARING", "2025-05-06", "台委常〔2025〕4号");
        given().auth().oauth2(ADMIN).get(ITEMS + "350102?year=2025&asOf=2026-01-15").then()
                .body("items.find { it.requirementId == 'REGULAR_REPORT_HEARING' }.status", is("NON_COMPLIANT"))
                .body("items.find { it.requirementId == 'REGULAR_REPORT_HEARING' }.expected", is("2"));
        given().auth().oauth2(ADMIN).get(ITEMS + "350103?year=2025&asOf=2026-01-15").then()
                .body("items.find { it.requirementId == 'REGULAR_REPORT_HEARING' }.status", is("COMPLIANT"));
        // the rollup takes each region's own minimum in its SQL
        given().auth().oauth2(ADMIN).get(ITEMS + "350100/rollup?year=2025&asOf=2026-01-15").then().statusCode(200)
                .body("byRequirement.find { it.requirementId == 'REGULAR_REPORT_HEARING' }.counts.COMPLIANT", is(1))
                .body("byRequirement.find { it.requirementId == 'REGULAR_REPORT_HEARING' }.counts.NON_COMPLIANT", is(2));
    }

    @Test
    void oneTermItemPerTermOverlappingTheYearDueOnItsEnd() {
        term("350100", "2016-10-01", "2021-09-30");
        term("350100", "2021-10-01", "2026-09-30");
        meeting("350100", "MASS_ORG_WORK_CONFERENCE", "2019-06-18", "榕委〔2019〕12号");
        given().auth().oauth2(ADMIN).get(ITEMS + "350100?year=2021&asOf=2026-10-15").then().statusCode(200)
                .body("items.findAll { it.requirementId == 'TERM_MASS_ORG_CONFERENCE' }.status",
                        contains("COMPLIANT", "NON_COMPLIANT"))
                .body("items.findAll { it.requirementId == 'TERM_MASS_ORG_CONFERENCE' }.dueDate",
                        contains("2021-09-30", "2026-09-30"))
                .body("items.find { it.requirementId == 'TERM_MASS_ORG_CONFERENCE' }.evidence[0].documentRef",
                        is("榕委〔2019〕12号"));
        given().auth().oauth2(ADMIN).get(ITEMS + "350100?year=2025&asOf=2025-06-01").then()
                .body("items.findAll { it.requirementId == 'TERM_MASS_ORG_CONFERENCE' }.status", contains("PENDING"));
    }

    @Test
    void theProvinceImplementationPlanIsDueOnce() {
        given().auth().oauth2(ADMIN).get(ITEMS + "350000?year=2025&asOf=2026-01-15").then()
                .body("items.find { it.requirementId == 'IMPLEMENTATION_PLAN' }.status", is("NON_COMPLIANT"))
                .body("items.find { it.requirementId == 'IMPLEMENTATION_PLAN' }.dueDate", is("2015-12-31"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"regionCode\":\"350000\",\"type\":\"IMPLEMENTATION_PLAN\","
                + "\"date\":\"2015-11-20\",\"title\":\"实施意见\",\"documentRef\":\"闽委发〔2015〕20号\"}")
                .post("/api/v1/documents").then().statusCode(201);
        given().auth().oauth2(ADMIN).get(ITEMS + "350000?year=2025&asOf=2026-01-15").then()
                .body("items.find { it.requirementId == 'IMPLEMENTATION_PLAN' }.status", is("COMPLIANT"))
                .body("items.find { it.requirementId == 'IMPLEMENTATION_PLAN' }.evidence[0].kind", is("DOCUMENT"));
    }

    @Test
    void theRollupCountsTheSubtreeInSqlPerChild() {
        meeting("350103", "STANDING_COMMITTEE_STUDY", "2025-02-02", "台委常〔2025〕1号");
        given().auth().oauth2(ADMIN).get(ITEMS + "350100/rollup?year=2025&asOf=2026-01-15").then().statusCode(200)
                .body("regionName", is("福州市"))
                // ANNUAL_COMMITTEE_STUDY: 台江区 met, 福州市 and 鼓楼区 not, 鼓东街道 not applicable
                .body("byRequirement.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.counts.COMPLIANT", is(1))
                .body("byRequirement.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.counts.NON_COMPLIANT", is(2))
                .body("byRequirement.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.counts.NOT_APPLICABLE", is(1))
                .body("byRequirement.find { it.requirementId == 'TERM_MASS_ORG_CONFERENCE' }.counts.NO_DATA", is(3))
                .body("children.regionCode", contains("350102", "350103"))
                .body("children.find { it.regionCode == '350103' }.regionName", is("台江区"))
                // 350103: 1 compliant study, 2 meetings missing, no term, the plan not applicable
                .body("children.find { it.regionCode == '350103' }.counts.COMPLIANT", is(1))
                .body("children.find { it.regionCode == '350103' }.counts.NON_COMPLIANT", is(2))
                .body("children.find { it.regionCode == '350103' }.counts.NO_DATA", is(1))
                .body("counts.COMPLIANT", is(1));
        given().auth().oauth2(ADMIN).get(ITEMS + "350199?year=2025").then().statusCode(404);
    }

    @Test
    void theReminderJobRemindsOfThisServicesOwnOpenItems() {
        OwnerStubs.answer(List.of());
        meeting("350102", "STANDING_COMMITTEE_STUDY", "2025-04-02", "鼓委常〔2025〕7号");
        // the bulk read is the other services' (their own token), not a person's
        given().auth().oauth2(TestTokens.service()).get("/internal/v1/compliance/open-items?asOf=2025-12-01&dueFrom=2025-12-01&dueTo=2025-12-31&size=500")
                .then().statusCode(200)
                .body("items.findAll { it.regionCode == '350102' }.requirementId",
                        containsInAnyOrder("REGULAR_REPORT_HEARING", "JOINT_MEETING"));
        given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=2025-12-01").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=350102&stage=UPCOMING").then()
                .body("items.requirementId", containsInAnyOrder("REGULAR_REPORT_HEARING", "JOINT_MEETING"))
                .body("items.daysBefore", contains(30, 30))
                .body("items.find { it.requirementId == 'JOINT_MEETING' }.regionName", is("鼓楼区"));
        // 2024 is within the OVERDUE window of 2025-12-01: its three meetings are overdue
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=350102&stage=OVERDUE").then()
                .body("items.requirementId", containsInAnyOrder("ANNUAL_COMMITTEE_STUDY", "REGULAR_REPORT_HEARING",
                        "JOINT_MEETING"))
                .body("items.periodStart", contains("2024-01-01", "2024-01-01", "2024-01-01"));
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=350100&requirementId=ANNUAL_COMMITTEE_STUDY&stage=UPCOMING").then()
                // the subtree of 福州市: itself and 台江区; 鼓楼区 held its study meeting
                .body("items.regionCode", containsInAnyOrder("350100", "350103"))
                .body("items[0].periodEnd", is("2025-12-31")).body("items[0].requirementTitle", is("党委常委会每年专题研究群团工作"));
    }
}
