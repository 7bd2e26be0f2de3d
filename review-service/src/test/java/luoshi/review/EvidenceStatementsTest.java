package luoshi.review;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import luoshi.testing.StatementLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A region's items read the evidence of each rule type with one statement, not one per item (#29,
 * {@code RuleType.evidence(List)}): 锦江区 (510104) has five MEETING_COUNT items in 2025 (three of the year, and one for
 * each of the two committee terms that overlap it), whose meetings are read together and handed back each to its item.
 */
@QuarkusTest
class EvidenceStatementsTest {

    private static final String ITEMS = "/internal/v1/compliance/regions/";
    /** The evidence statement of MEETING_COUNT, as the server's log shows it with the region in place. */
    private static final String MEETINGS = "SELECT id, document_ref, meeting_date, title FROM meeting WHERE region_code = '510104'";

    @Inject
    DirectSql sql;

    @BeforeEach
    void regions() throws Exception {
        sql.execute("INSERT INTO region (code, name, level, parent_code, version) VALUES ('510000','四川省','PROVINCE',NULL,1),"
                + "('510100','成都市','CITY','510000',2),('510104','锦江区','COUNTY','510100',3)");
    }

    @AfterEach
    void removeFacts() throws Exception {
        sql.execute("DELETE FROM region WHERE code LIKE '51%'", "DELETE FROM meeting WHERE region_code LIKE '51%'",
                "DELETE FROM committee_term WHERE region_code LIKE '51%'");
    }

    @Test
    void theMeetingItemsOfARegionReadTheirEvidenceWithOneStatement() {
        term("2020-04-01", "2025-03-31");
        term("2025-04-01", "2030-03-31");
        meeting("STANDING_COMMITTEE_STUDY", "2025-02-10", "锦委常〔2025〕3号");
        meeting("STANDING_COMMITTEE_STUDY", "2025-09-01", "锦委常〔2025〕21号");
        meeting("REPORT_HEARING", "2025-05-06", "锦委常〔2025〕9号");
        meeting("JOINT_MEETING", "2024-12-30", "锦联〔2024〕1号");               // the year before: no evidence of 2025
        meeting("MASS_ORG_WORK_CONFERENCE", "2022-06-18", "锦委〔2022〕12号");    // the first term's
        meeting("MASS_ORG_WORK_CONFERENCE", "2025-06-18", "锦委〔2025〕30号");    // the second term's

        AtomicReference<JsonPath> answer = new AtomicReference<>();
        List<String> statements = StatementLog.during(() -> answer.set(given().auth().oauth2(ADMIN)
                .header("Cache-Control", "no-cache").get(ITEMS + "510104?year=2025&asOf=2026-01-15")
                .then().statusCode(200).extract().jsonPath()));
        JsonPath items = answer.get();

        // each item its own meetings, in date order: a row handed to another item, or lost, fails here
        assertThat(refs(items, "ANNUAL_COMMITTEE_STUDY")).containsExactly(List.of("锦委常〔2025〕3号", "锦委常〔2025〕21号"));
        assertThat(refs(items, "REGULAR_REPORT_HEARING")).containsExactly(List.of("锦委常〔2025〕9号"));
        assertThat(refs(items, "JOINT_MEETING")).containsExactly(List.of());
        assertThat(refs(items, "TERM_MASS_ORG_CONFERENCE"))
                .containsExactly(List.of("锦委〔2022〕12号"), List.of("锦委〔2025〕30号"));
        assertThat(items.getList("items.findAll { it.requirementId == 'TERM_MASS_ORG_CONFERENCE' }.status", String.class))
                .containsExactly("COMPLIANT", "COMPLIANT");
        assertThat(items.getString("items.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.evidence[1].note"))
                .isEqualTo("2025-09-01 会议");

        // the five items' meetings in one statement (one per item before #29: five)
        List<String> evidence = statements.stream().filter(s -> s.contains(MEETINGS)).toList();
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).split(MEETINGS, -1)).hasSize(6);   // each item's own selection in it
    }

    private static List<List<String>> refs(JsonPath items, String requirementId) {
        return items.getList("items.findAll { it.requirementId == '" + requirementId + "' }.evidence.documentRef");
    }

    private static void term(String start, String end) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"regionCode\":\"510104\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}").post("/api/v1/committee-terms").then().statusCode(201);
    }

    private static void meeting(String type, String date, String ref) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"regionCode\":\"510104\",\"type\":\"" + type
                + "\",\"date\":\"" + date + "\",\"title\":\"会议\",\"documentRef\":\"" + ref + "\"}")
                .post("/api/v1/meetings").then().statusCode(201);
    }
}
