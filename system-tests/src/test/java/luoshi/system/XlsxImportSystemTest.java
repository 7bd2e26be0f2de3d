package luoshi.system;

import static luoshi.system.PublicApi.as;
import static luoshi.testing.Workbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import luoshi.testing.TestTokens;
import luoshi.testing.Workbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #28, part 5 (API.md, "Reports": XLSX imports), through the gateway's public API only, on the four started
 * services: the funding template downloaded by a viewer, filled in and sent back by an operator, changes the verdicts of
 * 七星街道 and 澄潭街道 (330624003, 330624004: townships of 新昌县 no other system test gives facts) exactly as the same rows
 * sent as JSON change those of 羽林街道 and 南明街道 (330624001, 330624002); a workbook with a bad cell is a 400 naming it,
 * and stores nothing.
 */
class XlsxImportSystemTest {

    static final String XLSX = Workbooks.XLSX;
    static final String AS_OF = "2026-01-15";
    static final String YOUTH = "TOWNSHIP_YOUTH_LEAGUE_FUNDING";
    static final String OPERATOR = TestTokens.token("operator", "330624");

    @BeforeAll
    static void regions() {
        LuoshiSystem.get();
        PublicApi.realRegions("330624001", "330624002", "330624003", "330624004");
    }

    @Test
    void aTemplateFilledInAndSentBackChangesTheVerdictsAsTheSameRowsAsJsonDo() {
        as(OPERATOR).body("""
                [{"regionCode":"330624001","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"19999.99"},
                 {"regionCode":"330624002","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"19888.90"},
                 {"regionCode":"330624002","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"111.10"}]""")
                .post("/api/v1/funding/batch").then().statusCode(200).body("accepted", is(3));

        byte[] template = as(TestTokens.token("viewer", "330624")).accept(XLSX).get("/api/v1/funding/batch/template").then()
                .statusCode(200).contentType(XLSX).extract().asByteArray();
        byte[] filled = Workbooks.filledIn(template, List.of(
                row("330624003", "YOUTH_LEAGUE_WORK", 2025, 19999.99, "新财〔2025〕5号"),
                row("330624004", "YOUTH_LEAGUE_WORK", 2025, 19888.9, "新财〔2025〕5号"),
                row("330624004", "YOUTH_LEAGUE_WORK", 2025, 111.1, null)));
        as(OPERATOR).contentType(XLSX).body(filled).post("/api/v1/funding/batch").then().statusCode(200).body("accepted", is(3));

        for (String[] pair : new String[][] {{"330624001", "330624003"}, {"330624002", "330624004"}}) {
            Map<String, Object> json = PublicApi.item(pair[0], 2025, AS_OF, YOUTH);
            Map<String, Object> xlsx = PublicApi.item(pair[1], 2025, AS_OF, YOUTH);
            for (String key : List.of("status", "expected", "actual")) {
                assertThat(xlsx.get(key)).as(key + " of " + pair[1] + " (XLSX) and " + pair[0] + " (JSON)").isEqualTo(json.get(key));
            }
        }
        assertThat(PublicApi.item("330624003", 2025, AS_OF, YOUTH)).containsEntry("status", "NON_COMPLIANT");
        assertThat(PublicApi.item("330624004", 2025, AS_OF, YOUTH)).containsEntry("status", "COMPLIANT")
                .containsEntry("actual", "20000.00");

        long audit = PublicApi.auditTotal();
        JsonPath problem = as(OPERATOR).contentType(XLSX).body(Workbooks.filledIn(template, List.of(
                        row("330624003", "YOUTH_LEAGUE_WORK", 2025, 0.01, null),
                        row("330624003", "YOUTH_LEAGUE_WORK", 2025, "0.001", null))))
                .post("/api/v1/funding/batch").then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getString("violations[0].field")).isEqualTo("[1].amount");
        assertThat(problem.getString("violations[0].cell")).isEqualTo("funding!D4");
        assertThat(PublicApi.auditTotal()).isEqualTo(audit);
        assertThat(PublicApi.item("330624003", 2025, AS_OF, YOUTH)).containsEntry("actual", "19999.99");
    }
}
