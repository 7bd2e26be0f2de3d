package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.gateway.ComplianceFixtures.AS_OF;
import static luoshi.gateway.ComplianceFixtures.YEAR;
import static luoshi.gateway.ComplianceFixtures.counts;
import static luoshi.gateway.FollowUpListTest.F1;
import static luoshi.gateway.FollowUpListTest.F1_OPEN;
import static luoshi.gateway.FollowUpListTest.F2;
import static luoshi.gateway.FollowUpListTest.O1;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Dimension;
import luoshi.api.compliance.FollowUpItem;
import luoshi.api.compliance.ItemOwner;
import luoshi.api.compliance.ItemRectification;
import luoshi.api.compliance.ServiceFollowUp;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.ServiceRollup.ChildCounts;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.compliance.Weights;
import luoshi.api.review.Rectification;
import luoshi.api.review.RectificationStatus;
import luoshi.gateway.compliance.ComplianceReports;
import luoshi.platform.ProblemException;
import luoshi.testing.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report of a region and a year (API.md, "Reports") through the gateway, as XLSX and as PDF: the summary from the
 * three services' rollups (counts, rate, and the evaluation's score and rank), the items from the follow-up list, the
 * rectifications from review-service. The numbers are computed by hand below.
 */
@QuarkusTest
class ComplianceReportTest extends DownstreamTest {

    static final String PATH = "/api/v1/compliance/330600/report";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";

    private static Weights w(int compliant, int counted, Dimension dimension) {
        return Weights.of(ComplianceStatus.COMPLIANT, compliant, BigDecimal.ONE, dimension)
                .plus(Weights.of(ComplianceStatus.NON_COMPLIANT, counted - compliant, BigDecimal.ONE, dimension));
    }

    private static ServiceRollup rollup(String code, String name, StatusCounts counts, Weights weights,
            List<ChildCounts> children) {
        return new ServiceRollup(code, name, YEAR, AS_OF, counts, children, List.of(), List.of(), weights);
    }

    /**
     * 绍兴市: org C3 NC1 NA2 (3 of 4), funding NC1 ND1 (0 of 2): C3 NC2 ND1 NA2, rate 3 ÷ 6 = 50%, score 50.0. 越城区: org
     * C1 NC1 NA1 (1 of 2) + funding NC1 (0 of 1): rate 1 ÷ 3, score 33.3, second; 柯桥区: org C2 NA1 (2 of 2) + funding
     * ND1 (0 of 1): rate 2 ÷ 3, score 66.7, first. Among 浙江省's cities, 杭州市 scores 80.0: 绍兴市 is second of two.
     */
    @BeforeEach
    void services() {
        stubRollup(org, "330600", rollup("330600", "绍兴市", counts(3, 0, 1, 0, 2), w(3, 4, Dimension.COMMON), List.of(
                new ChildCounts("330602", "越城区", counts(1, 0, 1, 0, 1), w(1, 2, Dimension.COMMON)),
                new ChildCounts("330603", "柯桥区", counts(2, 0, 0, 0, 1), w(2, 2, Dimension.COMMON)))));
        stubRollup(funding, "330600", rollup("330600", "绍兴市", counts(0, 0, 1, 1, 0), w(0, 2, Dimension.SPECIFIC), List.of(
                new ChildCounts("330602", "越城区", counts(0, 0, 1, 0, 0), w(0, 1, Dimension.SPECIFIC)),
                new ChildCounts("330603", "柯桥区", counts(0, 0, 0, 1, 0), w(0, 1, Dimension.SPECIFIC)))));
        stubRollup(review, "330600", rollup("330600", "绍兴市", StatusCounts.ZERO, Weights.ZERO, List.of()));
        stubRollup(org, "330000", rollup("330000", "浙江省", StatusCounts.ZERO, w(4, 5, Dimension.COMMON), List.of(
                new ChildCounts("330100", "杭州市", StatusCounts.ZERO, w(4, 5, Dimension.COMMON)),
                new ChildCounts("330600", "绍兴市", StatusCounts.ZERO, Weights.ZERO))));
        stubRollup(funding, "330000", rollup("330000", "浙江省", StatusCounts.ZERO, Weights.ZERO, List.of()));
        stubRollup(review, "330000", rollup("330000", "浙江省", StatusCounts.ZERO, Weights.ZERO, List.of()));

        // every item (the XLSX), and the NON_COMPLIANT ones (the PDF)
        serve(org, null, List.of(O1));
        serve(funding, null, List.of(F1, F2));
        serve(review, null, List.of());
        serve(org, "NON_COMPLIANT", List.of(O1));
        serve(funding, "NON_COMPLIANT", List.of(F1));
        serve(review, "NON_COMPLIANT", List.of());
        for (WireMock service : List.of(org, funding)) {
            service.register(get(urlPathEqualTo("/internal/v1/compliance/regions/330600/open-rectifications"))
                    .willReturn(okJson(toJson(List.<ItemRectification>of()))));
        }
        review.register(get(urlPathEqualTo("/internal/v1/compliance/regions/330600/open-rectifications"))
                .willReturn(okJson(toJson(List.of(F1_OPEN)))));
        Rectification r = new Rectification("r-1", "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "330602001", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31), "2025年度团建经费不足2万元，限期补足",
                RectificationStatus.OPEN, new ItemOwner("共青团绍兴市委", "0575-85201234", "330600"), "20000.00", "12000.50",
                List.of(), 1);
        review.register(get(urlPathEqualTo("/api/v1/rectifications")).withQueryParam("regionCode", equalTo("330600"))
                .withQueryParam("year", equalTo("2025")).withQueryParam("page", equalTo("0"))
                .willReturn(okJson(toJson(new Page<>(List.of(r), 0, Page.MAX_SIZE, 1)))));
    }

    private void stubRollup(WireMock service, String code, ServiceRollup rollup) {
        service.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + code + "/rollup"))
                .willReturn(okJson(toJson(rollup))));
    }

    /** A service's rows for {@code status} (null: none asked), two at a time (Downstream.FOLLOW_UP_SLICE). */
    private void serve(WireMock service, String status, List<FollowUpItem> rows) {
        for (int from = 0; from <= rows.size(); from++) {
            MappingBuilder ask = get(urlPathEqualTo("/internal/v1/compliance/regions/330600/items"))
                    .withQueryParam("status", status == null ? absent() : equalTo(status));
            ask = from == 0 ? ask.withQueryParam("afterRegion", absent())
                    : ask.withQueryParam("afterRegion", equalTo(rows.get(from - 1).regionCode()))
                            .withQueryParam("afterRequirement", equalTo(rows.get(from - 1).requirementId()));
            List<FollowUpItem> slice = rows.subList(from, Math.min(rows.size(), from + Downstream.FOLLOW_UP_SLICE));
            service.register(ask.willReturn(okJson(toJson(new ServiceFollowUp(slice, (long) rows.size(), List.of())))));
        }
    }

    @Test
    void theXlsxHasTheSummaryPerChildEveryItemAndTheRectificationsWithFrozenBilingualHeadersAndFilters()
            throws IOException {
        byte[] body = given().auth().oauth2(ADMIN).accept(XLSX).queryParam("year", 2025).queryParam("asOf", "2026-11-22")
                .get(PATH).then().log().ifValidationFails().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", is("attachment; filename=\"report-330600-2025.xlsx\""))
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                    .containsExactly("汇总", "事项", "整改");

            XSSFSheet summary = book.getSheet("汇总");
            headers(summary, "地区代码", "Region code", "A2:L5");
            assertThat(summary.getRow(0).getCell(9).getStringCellValue()).isEqualTo("得分");
            assertThat(summary.getRow(1).getCell(9).getStringCellValue()).isEqualTo("Score");
            assertThat(values(summary, 2)).containsExactly("330600", "绍兴市", 3.0, 0.0, 2.0, 1.0, 2.0, 0.0, 0.5, 50.0,
                    2.0, 2.0);
            assertThat(summary.getRow(2).getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(values(summary, 3)).containsExactly("330602", "越城区", 1.0, 0.0, 2.0, 0.0, 1.0, 0.0, 0.3333, 33.3,
                    2.0, 2.0);
            assertThat(values(summary, 4)).containsExactly("330603", "柯桥区", 2.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.6667, 66.7,
                    1.0, 2.0);

            XSSFSheet items = book.getSheet("事项");
            headers(items, "地区代码", "Region code", "A2:P5");
            assertThat(items.getRow(0).getCell(10).getStringCellValue()).isEqualTo("应达");
            assertThat(items.getRow(1).getCell(10).getStringCellValue()).isEqualTo("Expected");
            assertThat(values(items, 2).subList(0, 3)).containsExactly("330602001", "塔山街道", "TOWNSHIP_FULL_TIME_HEADS");
            assertThat(values(items, 2).subList(10, 12)).containsExactly(3.0, 2.0);   // counts: whole numbers
            List<Object> funding = values(items, 3);
            assertThat(funding.get(2)).isEqualTo("TOWNSHIP_YOUTH_LEAGUE_FUNDING");
            assertThat(funding.subList(10, 16)).containsExactly(20000.0, 19999.99, "19999.99 (越财预〔2025〕12号)",
                    "共青团绍兴市委 0575-85201234", "", "OPEN 2026-03-31");
            money(items.getRow(3).getCell(10));
            money(items.getRow(3).getCell(11));
            assertThat(values(items, 4).subList(0, 6)).containsExactly("330602002", "府山街道",
                    "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "确保各乡镇（街道）每年不少于2万元共青团工作经费", "缺数据", "NO_DATA");

            XSSFSheet rectifications = book.getSheet("整改");
            headers(rectifications, "编号", "ID", "A2:K3");
            assertThat(values(rectifications, 2)).containsExactly("r-1", "330602001", "TOWNSHIP_YOUTH_LEAGUE_FUNDING",
                    "2025-01-01", "2025-12-31", "2026-03-31", "OPEN", "2025年度团建经费不足2万元，限期补足",
                    "共青团绍兴市委 0575-85201234", 20000.0, 12000.5);
            money(rectifications.getRow(2).getCell(10));
        }
    }

    private static void headers(XSSFSheet sheet, String zh, String en, String filter) {
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(zh);
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(en);
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo(filter);
    }

    private static void money(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.00");
    }

    /** A row's cells: text as text, numbers as doubles, an empty cell as "". */
    private static List<Object> values(XSSFSheet sheet, int r) {
        List<Object> out = new ArrayList<>();
        for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
            Cell cell = sheet.getRow(r).getCell(c);
            out.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC ? cell.getNumericCellValue()
                    : cell.getStringCellValue());
        }
        return out;
    }

    @Test
    void thePdfHasTheRegionsChineseNameTheChildrenWithScoreAndRankAndTheNonCompliantItemsInAnEmbeddedFont()
            throws IOException {
        byte[] body = given().auth().oauth2(ADMIN).accept(PDF).queryParam("year", 2025).queryParam("asOf", "2026-11-22")
                .get(PATH).then().log().ifValidationFails().statusCode(200).contentType(PDF)
                .header("Content-Disposition", is("attachment; filename=\"report-330600-2025.pdf\""))
                .extract().asByteArray();
        try (PDDocument pdf = Loader.loadPDF(body)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("绍兴市 2025年度落实情况报告");
            // the region's row and each child's: counts, rate, score, rank
            assertThat(text).contains("330600 绍兴市 3 0 2 1 2 50.00% 50.0 2 / 2");
            assertThat(text).contains("330602 越城区 1 0 2 0 1 33.33% 33.3 2 / 2");
            assertThat(text).contains("330603 柯桥区 2 0 0 1 1 66.67% 66.7 1 / 2");
            // the NON_COMPLIANT items with their evidence; the NO_DATA one is not there
            assertThat(text).contains("塔山街道", "TOWNSHIP_FULL_TIME_HEADS", "TOWNSHIP_YOUTH_LEAGUE_FUNDING",
                    "19999.99 (越财预〔2025〕12号)", "共青团绍兴市委");
            assertThat(text).doesNotContain("府山街道");
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
        // only the NON_COMPLIANT rows were asked for
        org.verifyThat(getRequested("NON_COMPLIANT"));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder getRequested(String status) {
        return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/internal/v1/compliance/regions/330600/items")).withQueryParam("status", equalTo(status));
    }

    @Test
    void aCallerOutsideTheSubtreeABadYearAndAnotherAcceptAreProblemsBeforeAnyServiceIsAsked() {
        given().auth().oauth2(TestTokens.token("viewer", "330700")).accept(PDF).get(PATH).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("330600"));
        given().auth().oauth2(TestTokens.token("viewer", "330700")).accept(XLSX).get(PATH).then().statusCode(403);
        given().auth().oauth2(ADMIN).accept(XLSX).queryParam("year", 3000).get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("year"));
        given().auth().oauth2(ADMIN).accept(PDF).queryParam("year", 1948).get(PATH).then().statusCode(400)
                .body("violations[0].field", is("year"));
        given().auth().oauth2(ADMIN).accept(PDF).queryParam("asOf", "2026-13-01").get(PATH).then().statusCode(400)
                .body("violations[0].field", is("asOf"));
        given().auth().oauth2(ADMIN).accept(PDF).get("/api/v1/compliance/3306x/report").then().statusCode(400)
                .body("violations[0].field", is("regionCode"));
        given().auth().oauth2(ADMIN).accept("application/json").get(PATH).then().statusCode(406)
                .contentType("application/problem+json").body("status", is(406));
        given().auth().oauth2(ADMIN).accept("text/csv").get(PATH).then().statusCode(406);
        given().accept(PDF).get(PATH).then().statusCode(401);
        assertNoServiceWasCalled();
    }

    @Test
    void whenReviewServiceDoesNotSayWhichRectificationsThereAreTheWorkbookNamesIt() throws IOException {
        review.register(get(urlPathEqualTo("/api/v1/rectifications")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        byte[] body = given().auth().oauth2(ADMIN).accept(XLSX).queryParam("year", 2025).queryParam("asOf", "2026-11-22")
                .get(PATH).then().statusCode(200).header("Luoshi-Incomplete", is("review-service"))
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            assertThat(book.getSheet("整改").getLastRowNum()).isEqualTo(1);   // its headers only
            assertThat(book.getSheet("事项").getLastRowNum()).isEqualTo(4);   // every item still
        }
    }

    @Test
    void aMissingFontIsA503NamingTheSettingNeverAPdfWithoutItsChinese() {
        assertThatThrownBy(() -> ComplianceReports.loadFont("/nonexistent/wqy-zenhei.ttc"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(503);
                    assertThat(e.problem().detail()).contains("luoshi.reports.cjk-font", "/nonexistent/wqy-zenhei.ttc",
                            "fonts-wqy-zenhei");
                });
    }
}
