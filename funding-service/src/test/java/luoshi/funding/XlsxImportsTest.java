package luoshi.funding;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static luoshi.testing.Workbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import luoshi.testing.RawHttp;
import luoshi.testing.TestTokens;
import luoshi.testing.Workbooks;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Reports": the funding and union fee batches also take XLSX, with the columns of their JSON rows, all or
 * nothing, every bad cell named by sheet, row and column; their templates, filled in, are batches; the limits of every
 * bulk body hold (a viewer's 403 before the body is read, 413 past 10,000 rows, a zip bomb refused). On 嵊州市's townships.
 */
@QuarkusTest
class XlsxImportsTest {

    static final String XLSX = Workbooks.XLSX;
    static final String YOUTH = FundingRequirementsTest.YOUTH;
    static final List<Object> HEADER = row("regionCode", "category", "fiscalYear", "amount", "documentRef");

    @Inject
    ReplicaRows replica;

    @BeforeEach
    void yiwu() {
        replica.region("330683", "嵊州市");
        Map.of("330683101", "剡湖街道", "330683102", "三江街道", "330683103", "鹿山街道", "330683104", "浦口街道",
                "330683105", "甘霖镇", "330683106", "长乐镇", "330683107", "崇仁镇", "330683108", "黄泽镇", "330683109", "石璜镇")
                .forEach(replica::region);
    }

    static io.restassured.response.ValidatableResponse post(String path, byte[] workbook) {
        return given().auth().oauth2(ADMIN).contentType(XLSX).body(workbook).post(path).then();
    }

    @Test
    void anXlsxImportChangesTheVerdictsAsTheSameRowsThroughJsonDo() {
        // the same rows through JSON (001, 002) and through a workbook (003, 004): one cent short; 19,888.90 + 111.10
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("["
                + FundingRecordsTest.json("330683101", "YOUTH_LEAGUE_WORK", 2025, "\"19999.99\"", "嵊财〔2025〕1号") + ","
                + FundingRecordsTest.json("330683102", "YOUTH_LEAGUE_WORK", 2025, "\"19888.90\"", "嵊财〔2025〕1号") + ","
                + FundingRecordsTest.json("330683102", "YOUTH_LEAGUE_WORK", 2025, "\"111.10\"", null) + "]")
                .post("/api/v1/funding/batch").then().statusCode(200).body("accepted", is(3));
        // number cells as a spreadsheet saves them: 111.1 is the double 111.1, which must be read as 111.10 exactly
        post("/api/v1/funding/batch", Workbooks.of("Sheet1", List.of(HEADER,
                row("330683103", "YOUTH_LEAGUE_WORK", 2025, 19999.99, "嵊财〔2025〕1号"),
                row("330683104", "YOUTH_LEAGUE_WORK", 2025, 19888.9, "嵊财〔2025〕1号"),
                row("330683104", "YOUTH_LEAGUE_WORK", 2025, 111.1, null)))).statusCode(200).body("accepted", is(3));

        for (String[] pair : new String[][] {{"330683101", "330683103"}, {"330683102", "330683104"}}) {
            Map<String, Object> json = Api.item(pair[0], 2025, FundingRequirementsTest.AFTER_DUE, YOUTH);
            Map<String, Object> xlsx = Api.item(pair[1], 2025, FundingRequirementsTest.AFTER_DUE, YOUTH);
            for (String key : List.of("status", "expected", "actual")) {
                assertThat(xlsx.get(key)).as(key + " of " + pair[1] + " (XLSX) and " + pair[0] + " (JSON)").isEqualTo(json.get(key));
            }
        }
        assertThat(Api.item("330683103", 2025, FundingRequirementsTest.AFTER_DUE, YOUTH))
                .containsEntry("status", "NON_COMPLIANT").containsEntry("actual", "19999.99");
        assertThat(Api.item("330683104", 2025, FundingRequirementsTest.AFTER_DUE, YOUTH))
                .containsEntry("status", "COMPLIANT").containsEntry("actual", "20000.00");
        assertThat(amounts("330683104")).containsExactlyInAnyOrder("19888.90", "111.10");
    }

    @Test
    void aDownloadedTemplateFilledInAndSentBackIsImported() throws Exception {
        byte[] template = given().auth().oauth2(TestTokens.token("viewer", "330683")).accept(XLSX)
                .get("/api/v1/funding/batch/template").then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("funding-template.xlsx")).extract().asByteArray();
        try (XSSFWorkbook workbook = Workbooks.open(template)) {
            Sheet rows = workbook.getSheetAt(0);
            assertThat(rows.getSheetName()).isEqualTo("funding");
            assertThat(texts(rows, 0)).containsExactly("地区代码", "经费类别", "财政年度", "金额（元）", "文号");
            assertThat(texts(rows, 1)).containsExactlyElementsOf(HEADER.stream().map(Object::toString).toList());
            assertThat(rows.getDataValidations()).singleElement().satisfies(v -> assertThat(
                    ((XSSFDataValidation) v).getValidationConstraint().getExplicitListValues())
                    .contains("YOUTH_LEAGUE_WORK", "WOMENS_WORK", "OTHER"));
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("说明 notes");
        }
        byte[] filled = Workbooks.filledIn(template, List.of(
                row("330683105", "WOMENS_WORK", 2025, "1234.5", "嵊财〔2025〕7号"),
                row(330683105L, "OTHER", "2025", new BigDecimal("0.1"), null),
                // a computed cell: the double 0.30000000000000004 in the file, 0.3 in Excel's 15 digits
                row("330683105", "OTHER", 2025, 0.1 + 0.2, null)));
        post("/api/v1/funding/batch", filled).statusCode(200).body("accepted", is(3));
        assertThat(amounts("330683105")).containsExactlyInAnyOrder("1234.50", "0.10", "0.30");

        byte[] fees = given().auth().oauth2(ADMIN).accept(XLSX).get("/api/v1/union-fees/batch/template").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook workbook = Workbooks.open(fees)) {
            assertThat(texts(workbook.getSheetAt(0), 1)).containsExactly("regionCode", "year", "due", "collected");
        }
        post("/api/v1/union-fees/batch", Workbooks.filledIn(fees, List.of(row("330683106", 2025, 1200000, 1187999.9)))).statusCode(200)
                .body("accepted", is(1));
        given().auth().oauth2(ADMIN).get("/api/v1/union-fees/330683106/2025").then().statusCode(200)
                .body("due", is("1200000.00")).body("collected", is("1187999.90"));
    }

    @Test
    void anXlsxWithBadCellsIsA400NamingSheetRowAndColumnAndStoresNothing() {
        byte[] bad = Workbooks.of("嵊州 2025", List.of(
                row("嵊州市2025年群团工作经费"),                                   // a title line above the header
                HEADER,
                row("330683107", "YOUTH_LEAGUE_WORK", 2025, 20000, null),          // row 0, fine
                row("330683107", "YOUTH_LEAGUE_WORK", 2025, -5, null),             // row 1: D4
                row("330683107", "PARTY_WORK", 2025, 5, null),                     // row 2: B5
                row(null, null, null, null, null),                                 // an empty row: skipped
                row("330683107", "OTHER", "二〇二五", "1.001", null)));            // row 3: C7 and D7
        JsonPath problem = given().auth().oauth2(ADMIN).contentType(XLSX).body(bad).post("/api/v1/funding/batch").then()
                .statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("violations.field")).containsExactly("[1].amount", "[2].category", "[3].amount",
                "[3].fiscalYear");
        assertThat(problem.getList("violations.cell")).containsExactly("'嵊州 2025'!D4", "'嵊州 2025'!B5", "'嵊州 2025'!D7",
                "'嵊州 2025'!C7");
        assertThat(problem.getString("detail")).contains("'嵊州 2025'!D4 ([1].amount)");
        assertThat(amounts("330683107")).isEmpty();

        // a region that does not exist is found after reading: named by its cell too
        JsonPath unknown = given().auth().oauth2(ADMIN).contentType(XLSX).body(Workbooks.of("funding", List.of(HEADER,
                row("330683107", "OTHER", 2025, 1, null), row("330683999", "OTHER", 2025, 1, null))))
                .post("/api/v1/funding/batch").then().statusCode(400).extract().jsonPath();
        assertThat(unknown.getList("violations.field")).containsExactly("[1].regionCode");
        assertThat(unknown.getList("violations.cell")).containsExactly("funding!A3");
        assertThat(amounts("330683107")).isEmpty();

        // a region and year twice among union fees (the batch's own rule), and a header without a required column
        given().auth().oauth2(ADMIN).contentType(XLSX).body(Workbooks.of("fees", List.of(
                        row("地区代码", "年度", "应收（元）", "实收（元）"),     // the template's Chinese titles alone
                        row("330683108", 2025, 10, 10), row("330683108", 2025, 20, 20))))
                .post("/api/v1/union-fees/batch").then().statusCode(400)
                .body("violations[0].field", is("[1].year")).body("violations[0].cell", is("fees!B3"));
        given().auth().oauth2(ADMIN).contentType(XLSX).body(Workbooks.of("funding", List.of(
                        row("regionCode", "category", "amount"), row("330683108", "OTHER", 5))))
                .post("/api/v1/funding/batch").then().statusCode(400)
                .body("violations[0].field", is("header")).body("violations[0].cell", is("funding!1:1"));
        given().auth().oauth2(ADMIN).get("/api/v1/union-fees/330683108/2025").then().statusCode(404);
        // not a workbook at all
        given().auth().oauth2(ADMIN).contentType(XLSX).body("regionCode,category\n".getBytes()).post("/api/v1/funding/batch")
                .then().statusCode(400).body("violations[0].field", is("body"));
        assertThat(amounts("330683108")).isEmpty();
    }

    @Test
    void aMoneyCellOfNumbersNoAmountHoldsIsA400NamingItsCell() {
        // 1E-3000 and 1E+400 in the sheet's XML, as another program could write them: POI would read 0 and Infinity
        byte[] tiny = Workbooks.withRawNumber(Workbooks.of("funding", List.of(HEADER,
                row("330683108", "OTHER", 2025, 987654.25, null))), 987654.25, "1E-3000");
        given().auth().oauth2(ADMIN).contentType(XLSX).body(tiny).post("/api/v1/funding/batch").then().statusCode(400)
                .body("violations[0].field", is("[0].amount")).body("violations[0].cell", is("funding!D2"));
        byte[] huge = Workbooks.withRawNumber(Workbooks.of("funding", List.of(HEADER,
                row("330683108", "OTHER", 2025, 987654.25, null))), 987654.25, "1E+400");
        given().auth().oauth2(ADMIN).contentType(XLSX).body(huge).post("/api/v1/funding/batch").then().statusCode(400)
                .body("violations[0].field", is("[0].amount")).body("violations[0].cell", is("funding!D2"));
        assertThat(amounts("330683108")).isEmpty();
    }

    @Test
    void readingStopsAtTheHundredthBadCell() {
        byte[] bad = Workbooks.rows("funding", HEADER, 500, i -> row("330683108", "OTHER", 2025, -1 - i, null));
        JsonPath problem = given().auth().oauth2(ADMIN).contentType(XLSX).body(bad).post("/api/v1/funding/batch").then()
                .statusCode(400).extract().jsonPath();
        assertThat(problem.getList("violations")).hasSize(100);
        assertThat(problem.getString("violations[99].cell")).isEqualTo("funding!D101");
        assertThat(problem.getString("detail")).contains("the first 100 invalid fields");
        assertThat(amounts("330683108")).isEmpty();
    }

    @Test
    void aViewersEightMegabyteWorkbookIsA403BeforeAByteOfItIsRead() {
        try (RawHttp post = RawHttp.post("/api/v1/funding/batch", TestTokens.token("viewer", "330683"), XLSX, 8_000_000)) {
            RawHttp.Answer answer = post.answer();   // nothing of the body was sent: only the role can answer this
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.millis()).isLessThan(1_000);
            assertThat(answer.headers().get("connection")).as("the body is not read").isEqualTo("close");
        }
    }

    @Test
    void aZipBombIsRefusedBeforeItExpands() {
        byte[] workbook = Workbooks.of("funding", List.of(HEADER, row("330683109", "OTHER", 2025, 1, null)));
        // a sheet that expands to 100 MiB (from about 100 KB): past its bound, counted before anything parses it
        byte[] large = Workbooks.padded(workbook, 100L << 20);
        assertThat(large.length).isLessThan(1 << 20);
        post("/api/v1/funding/batch", large).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("expands to more than"));
        // one of 20 MiB, within the bounds, but compressed a thousandfold: POI's ZipSecureFile finds the zip bomb
        post("/api/v1/funding/batch", Workbooks.padded(workbook, 20L << 20)).statusCode(413)
                .body("detail", containsString("zip bomb"));
        // the workbook itself, unpadded, is a batch
        assertThat(amounts("330683109")).isEmpty();
        post("/api/v1/funding/batch", workbook).statusCode(200).body("accepted", is(1));
        assertThat(amounts("330683109")).containsExactly("1.00");
    }

    @Test
    void moreThanTenThousandRowsIsA413AndNothingIsStored() {
        byte[] many = Workbooks.rows("funding", HEADER, 10_001, i -> row("330683101", "OTHER", 2024, i + 1, null));
        post("/api/v1/funding/batch", many).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("10,000"));
        given().auth().oauth2(ADMIN).queryParam("regionCode", "330683101").queryParam("fiscalYear", 2024)
                .get("/api/v1/funding").then().statusCode(200).body("total", is(0));
    }

    private static List<String> amounts(String region) {
        return given().auth().oauth2(ADMIN).queryParam("regionCode", region).queryParam("fiscalYear", 2025).queryParam("size", 500)
                .get("/api/v1/funding").then().statusCode(200).extract().jsonPath().getList("items.amount");
    }

    private static List<String> texts(Sheet sheet, int row) {
        DataFormatter format = new DataFormatter();
        List<String> texts = new java.util.ArrayList<>();
        sheet.getRow(row).forEach(c -> texts.add(format.formatCellValue(c)));
        return texts;
    }
}
