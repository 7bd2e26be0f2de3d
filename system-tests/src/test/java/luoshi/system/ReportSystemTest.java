package luoshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import luoshi.testing.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of 绍兴市 for 2025 (API.md, "Reports") through the started system, with the Shaoxing fixture: the XLSX's
 * summary holds the rollup's counts and the evaluation's scores and ranks, region and children; its items are the
 * follow-up list's, every one; the PDF holds 绍兴市's name, its counties and a NON_COMPLIANT item as text (read back with
 * PDFBox), its Chinese in the embedded font of Debian's fonts-wqy-zenhei. It only reads, as FollowUpListSystemTest.
 */
class ReportSystemTest {

    static final String QUERY = "year=2025&asOf=2026-01-15";
    static final String REPORT = "/api/v1/compliance/330600/report?" + QUERY;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeAll
    static void shaoxing() throws IOException {
        FollowUpListSystemTest.shaoxing();
    }

    @Test
    void theXlsxHoldsTheRollupTheEvaluationAndEveryItemOfTheSubtree() throws IOException {
        JsonPath rollup = PublicApi.as(TestTokens.ADMIN).get("/api/v1/compliance/330600/rollup?" + QUERY).then()
                .statusCode(200).extract().jsonPath();
        JsonPath evaluation = PublicApi.as(TestTokens.ADMIN).get("/api/v1/evaluation/330600?" + QUERY).then()
                .statusCode(200).extract().jsonPath();
        long items = PublicApi.as(TestTokens.ADMIN).get("/api/v1/compliance/330600/items?" + QUERY + "&size=1").then()
                .statusCode(200).extract().jsonPath().getLong("total");
        byte[] xlsx = PublicApi.as(TestTokens.ADMIN).accept(XLSX).get(REPORT).then().statusCode(200)
                .header("Luoshi-Incomplete", org.hamcrest.Matchers.nullValue()).extract().asByteArray();
        DataFormatter shown = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet summary = book.getSheet("汇总");
            Row own = summary.getRow(2);
            assertThat(shown.formatCellValue(own.getCell(0))).isEqualTo("330600");
            assertThat(shown.formatCellValue(own.getCell(1))).isEqualTo("绍兴市");
            Map<String, Integer> counts = rollup.getMap("counts");
            assertThat(List.of(own.getCell(2).getNumericCellValue(), own.getCell(4).getNumericCellValue(),
                    own.getCell(5).getNumericCellValue())).containsExactly((double) counts.get("COMPLIANT"),
                    (double) counts.get("NON_COMPLIANT"), (double) counts.get("NO_DATA"));
            assertThat(own.getCell(9).getNumericCellValue()).isEqualTo(evaluation.getDouble("score"));
            List<Map<String, Object>> children = rollup.getList("children");
            assertThat(children).isNotEmpty();
            assertThat(summary.getLastRowNum()).isEqualTo(2 + children.size());
            for (int i = 0; i < children.size(); i++) {
                Row row = summary.getRow(3 + i);
                String code = (String) children.get(i).get("regionCode");
                assertThat(shown.formatCellValue(row.getCell(0))).isEqualTo(code);
                assertThat(shown.formatCellValue(row.getCell(1))).isEqualTo(children.get(i).get("regionName"));
                assertThat(row.getCell(4).getNumericCellValue()).as(code).isEqualTo(
                        ((Map<String, Integer>) children.get(i).get("counts")).get("NON_COMPLIANT").doubleValue());
                Map<String, Object> scored = evaluation.getMap("children.find { it.regionCode == '" + code + "' }");
                if (scored != null && scored.get("rank") != null) {
                    assertThat(row.getCell(10).getNumericCellValue()).as(code)
                            .isEqualTo(((Number) scored.get("rank")).doubleValue());
                }
            }
            XSSFSheet itemSheet = book.getSheet("事项");
            assertThat(itemSheet.getLastRowNum()).isEqualTo(items + 1);   // two header rows, then every item
            assertThat(itemSheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:P" + (items + 2));
            assertThat(book.getSheet("整改").getRow(1).getCell(0).getStringCellValue()).isEqualTo("ID");
        }
    }

    @Test
    void thePdfHoldsTheRegionsChineseNameItsCountiesAndANonCompliantItemAsText() throws IOException {
        JsonPath rollup = PublicApi.as(TestTokens.ADMIN).get("/api/v1/compliance/330600/rollup?" + QUERY).then()
                .statusCode(200).extract().jsonPath();
        JsonPath first = PublicApi.as(TestTokens.ADMIN).get("/api/v1/compliance/330600/items?" + QUERY
                + "&status=NON_COMPLIANT&size=1").then().statusCode(200).extract().jsonPath();
        byte[] pdf = PublicApi.as(TestTokens.ADMIN).accept("application/pdf").get(REPORT).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("绍兴市 2025年度落实情况报告");
            assertThat(text).contains(rollup.<String>getList("children.regionName"));
            assertThat(text).contains(first.getString("items[0].regionName"), first.getString("items[0].requirementId"));
        }
        PublicApi.as(TestTokens.token("viewer", "330700")).accept("application/pdf").get(REPORT).then().statusCode(403);
    }
}
