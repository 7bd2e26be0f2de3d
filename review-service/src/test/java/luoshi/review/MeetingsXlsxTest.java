package luoshi.review;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static luoshi.testing.Workbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import luoshi.testing.TestTokens;
import luoshi.testing.Workbooks;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Reports": the meetings batch also takes XLSX, dates as date cells or ISO text; its template, downloaded,
 * filled in and sent back, is a batch; a bad cell is a 400 naming sheet, row and column, and nothing is stored. Regions
 * of Guangdong (广州, 4401xx), used by no other test but SecurityTest's 440106.
 */
@QuarkusTest
@RegionsInCopy({"440000", "440100", "440103", "440104"})
class MeetingsXlsxTest extends WithRegionsInCopy {

    private static final String XLSX = Workbooks.XLSX;

    @Test
    void aDownloadedTemplateFilledInWithDateCellsAndIsoTextIsImported() {
        byte[] template = given().auth().oauth2(TestTokens.token("viewer", "440100")).accept(XLSX)
                .get("/api/v1/meetings/batch/template").then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook workbook = Workbooks.open(template)) {
            Sheet rows = workbook.getSheetAt(0);
            assertThat(rows.getSheetName()).isEqualTo("meetings");
            DataFormatter format = new DataFormatter();
            List<String> names = new java.util.ArrayList<>();
            rows.getRow(1).forEach(c -> names.add(format.formatCellValue(c)));
            assertThat(names).containsExactly("regionCode", "type", "date", "title", "documentRef");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] filled = Workbooks.filledIn(template, List.of(
                row("440103", "JOINT_MEETING", LocalDate.of(2025, 5, 6), "荔湾区党的群团工作联席会议", null),
                row("440104", "STANDING_COMMITTEE_STUDY", "2025-03-10", "越秀区委常委会专题研究群团工作", "越委常〔2025〕3号")));
        given().auth().oauth2(ADMIN).contentType(XLSX).body(filled).post("/api/v1/meetings/batch").then().statusCode(200)
                .body("accepted", is(2));
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=440103&year=2025").then().statusCode(200)
                .body("total", is(1)).body("items[0].date", is("2025-05-06")).body("items[0].type", is("JOINT_MEETING"));
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=440104&year=2025").then().statusCode(200)
                .body("items[0].date", is("2025-03-10")).body("items[0].documentRef", is("越委常〔2025〕3号"));
    }

    @Test
    void aBadDateCellIsA400NamingItsCellAndNothingIsStored() {
        byte[] bad = Workbooks.of("会议", List.of(
                row("地区代码 regionCode", "会议类型 type", "会议日期 date", "会议名称 title"),   // bilingual headers
                row("440103", "JOINT_MEETING", LocalDate.of(2024, 5, 6), "联席会议"),
                row("440103", "JOINT_MEETING", "2024-02-30", "联席会议"),
                row("440103", "ANNUAL_PARTY", LocalDate.of(2024, 7, 1), null)));
        JsonPath problem = given().auth().oauth2(ADMIN).contentType(XLSX).body(bad).post("/api/v1/meetings/batch").then()
                .statusCode(400).extract().jsonPath();
        assertThat(problem.getList("violations.field")).containsExactly("[1].date", "[2].title", "[2].type");
        assertThat(problem.getList("violations.cell")).containsExactly("会议!C3", "会议!D4", "会议!B4");
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=440103&year=2024").then().statusCode(200)
                .body("total", is(0));
    }
}
