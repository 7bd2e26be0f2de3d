package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.api.compliance.FollowUpItem;
import luoshi.api.compliance.ItemOwner;
import luoshi.api.compliance.ItemReason;
import luoshi.api.compliance.ItemRectification;
import luoshi.api.compliance.ServiceFollowUp;
import luoshi.testing.TestTokens;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follow-up list (API.md, "Follow-up list and readable answers") through the gateway: the three services' rows
 * merged in the list's order, paged (each service asked for at most the rows a page can take, and after its last row
 * when they run out), each row with its open rectification; the whole list as CSV and XLSX; bad filters refused
 * before anyone is asked.
 */
@QuarkusTest
class FollowUpListTest extends DownstreamTest {

    static final String PATH = "/api/v1/compliance/330600/items";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final LocalDate START = LocalDate.of(2025, 1, 1);

    static FollowUpItem row(String region, String name, String requirement, String title, ComplianceStatus status,
            String expected, String actual) {
        return new FollowUpItem(region, name, requirement, title, status,
                status == ComplianceStatus.NO_DATA ? ItemReason.NO_FACTS : null,
                status == ComplianceStatus.NO_DATA ? List.of("POPULATION") : List.of(), START, LocalDate.of(2025, 12, 31),
                LocalDate.of(2025, 12, 31), expected, actual,
                actual == null ? List.of() : List.of(new Evidence("FUNDING", "f-" + region, "越财预〔2025〕12号", actual)), 1,
                new ItemOwner("共青团绍兴市委", "0575-85201234", "330600"), null, null);
    }

    // org-service's three rows, funding's two, review's one: merged, R1 O1 F1 F2 O2 O3
    static final FollowUpItem O1 = row("330602001", "塔山街道", "TOWNSHIP_FULL_TIME_HEADS", "乡镇（街道）群团组织主要负责人专职配备",
            ComplianceStatus.NON_COMPLIANT, "3", "2");
    static final FollowUpItem O2 = row("330603001", "柯桥街道", "TOWNSHIP_FULL_TIME_HEADS", "乡镇（街道）群团组织主要负责人专职配备",
            ComplianceStatus.NON_COMPLIANT, "3", "1");
    static final FollowUpItem O3 = row("330604001", "东关街道", "TOWNSHIP_FULL_TIME_HEADS", "乡镇（街道）群团组织主要负责人专职配备",
            ComplianceStatus.NON_COMPLIANT, "3", "0");
    static final FollowUpItem F1 = row("330602001", "塔山街道", "TOWNSHIP_YOUTH_LEAGUE_FUNDING",
            "确保各乡镇（街道）每年不少于2万元共青团工作经费", ComplianceStatus.NON_COMPLIANT, "20000.00", "19999.99");
    static final FollowUpItem F2 = row("330602002", "府山街道", "TOWNSHIP_YOUTH_LEAGUE_FUNDING",
            "确保各乡镇（街道）每年不少于2万元共青团工作经费", ComplianceStatus.NO_DATA, null, null);
    static final FollowUpItem R1 = row("330602", "越城区", "ANNUAL_COMMITTEE_STUDY", "党委常委会每年专题研究群团工作",
            ComplianceStatus.NON_COMPLIANT, "1", "0");
    static final ItemRectification F1_OPEN = new ItemRectification("r-1", "OPEN", LocalDate.of(2026, 3, 31),
            "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "330602001", START);

    @BeforeEach
    void services() {
        serve(org, List.of(O1, O2, O3));
        serve(funding, List.of(F1, F2));
        serve(review, List.of(R1));
        rectifications(org, List.of());
        rectifications(funding, List.of());
        // one of another year's item of the same region, which matches no row
        rectifications(review, List.of(F1_OPEN, new ItemRectification("r-0", "SUBMITTED", LocalDate.of(2025, 3, 31),
                "TOWNSHIP_YOUTH_LEAGUE_FUNDING", "330602001", LocalDate.of(2024, 1, 1))));
    }

    /**
     * A service's rows as rule-core slices them: for every limit the gateway may ask (a page's, an export's) and from
     * after each of its rows, the next rows up to the limit.
     */
    private void serve(WireMock service, List<FollowUpItem> rows) {
        serve(service, rows, 0);
    }

    /** As {@link #serve(WireMock, List)}, each slice answered after {@code delayMs} (the newest stubs match first). */
    private void serve(WireMock service, List<FollowUpItem> rows, int delayMs) {
        for (int limit : List.of(2, 4, 6, 2000)) {
            for (int from = 0; from <= rows.size(); from++) {
                MappingBuilder ask = get(urlPathEqualTo("/internal/v1/compliance/regions/330600/items"))
                        .withQueryParam("limit", equalTo(String.valueOf(limit)));
                ask = from == 0 ? ask.withQueryParam("afterRegion", absent())
                        : ask.withQueryParam("afterRegion", equalTo(rows.get(from - 1).regionCode()))
                                .withQueryParam("afterRequirement", equalTo(rows.get(from - 1).requirementId()))
                                .withQueryParam("afterPeriod", equalTo(START.toString()));
                List<FollowUpItem> slice = rows.subList(from, Math.min(rows.size(), from + limit));
                service.register(ask.willReturn(okJson(toJson(new ServiceFollowUp(slice, (long) rows.size(), List.of())))
                        .withFixedDelay(delayMs)));
            }
        }
    }

    private void rectifications(WireMock service, List<ItemRectification> open) {
        service.register(get(urlPathEqualTo("/internal/v1/compliance/regions/330600/open-rectifications"))
                .willReturn(okJson(toJson(open))));
    }

    @Test
    void aPageIsTheMergedRowsInTheListsOrderWithTheirOpenRectifications() {
        given().auth().oauth2(ADMIN).queryParam("year", 2025).queryParam("asOf", "2026-11-22")
                .queryParam("status", "NON_COMPLIANT,NO_DATA").queryParam("level", "TOWNSHIP").queryParam("size", 2)
                .get(PATH).then().log().ifValidationFails().statusCode(200)
                .body("items.regionCode", contains("330602", "330602001"))
                .body("items.requirementId", contains("ANNUAL_COMMITTEE_STUDY", "TOWNSHIP_FULL_TIME_HEADS"))
                .body("page", is(0)).body("size", is(2)).body("total", is(6)).body("incomplete", empty());
        given().auth().oauth2(ADMIN).queryParam("year", 2025).queryParam("size", 2).queryParam("page", 1)
                .get(PATH).then().statusCode(200)
                .body("items.regionCode", contains("330602001", "330602002"))
                .body("items[0].title", is("确保各乡镇（街道）每年不少于2万元共青团工作经费"))
                .body("items[0].expected", is("20000.00")).body("items[0].actual", is("19999.99"))
                .body("items[0].evidence[0].documentRef", is("越财预〔2025〕12号"))
                .body("items[0].owner.unit", is("共青团绍兴市委"))
                .body("items[0].rectification.id", is("r-1")).body("items[0].rectification.status", is("OPEN"))
                .body("items[1].status", is("NO_DATA")).body("items[1].reason", is("NO_FACTS"))
                .body("items[1].missing", contains("POPULATION")).body("items[1].rectification", nullValue());
        given().auth().oauth2(ADMIN).queryParam("year", 2025).queryParam("size", 2).queryParam("page", 2)
                .get(PATH).then().statusCode(200).body("items.regionCode", contains("330603001", "330604001"));
        // the filters reach every service as read, each asked for at most the rows of the pages up to this one
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/330600/items"))
                    .withQueryParam("status", equalTo("NON_COMPLIANT,NO_DATA")).withQueryParam("level", equalTo("TOWNSHIP"))
                    .withQueryParam("year", equalTo("2025")).withQueryParam("count", equalTo("true")));
        }
        org.verifyThat(1, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/330600/items"))
                .withQueryParam("limit", equalTo("6")));
        org.verifyThat(0, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/330600/items"))
                .withQueryParam("afterRegion", equalTo("330602001")));
    }

    @Test
    void theWholeListAsCsvHasABomChineseAndEnglishHeadersAndEveryRow() throws IOException {
        byte[] body = given().auth().oauth2(ADMIN).accept("text/csv").queryParam("year", 2025).queryParam("size", 1)
                .get(PATH).then().statusCode(200).header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", is("attachment; filename=\"follow-up-330600-2025.csv\""))
                .extract().asByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\"地区代码 Region code\",\"地区 Region\",");
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            rows = it.readAll();
        }
        assertThat(rows).extracting(r -> r.get("地区代码 Region code"))
                .containsExactly("330602", "330602001", "330602001", "330602002", "330603001", "330604001");
        assertThat(rows.get(2)).containsEntry("要求编号 Requirement", "TOWNSHIP_YOUTH_LEAGUE_FUNDING")
                .containsEntry("要求 Title", "确保各乡镇（街道）每年不少于2万元共青团工作经费")
                .containsEntry("状态 Status", "未落实").containsEntry("状态代码 Status code", "NON_COMPLIANT")
                .containsEntry("应达 Expected", "20000.00").containsEntry("实际 Actual", "19999.99")
                .containsEntry("证据 Evidence", "19999.99 (越财预〔2025〕12号)")
                .containsEntry("责任单位 Owner", "共青团绍兴市委 0575-85201234")
                .containsEntry("整改 Rectification", "OPEN 2026-03-31");
        assertThat(rows.get(3)).containsEntry("状态 Status", "缺数据").containsEntry("原因 Reason", "NO_FACTS POPULATION")
                .containsEntry("整改 Rectification", "");
        // two rows at a time (Downstream.FOLLOW_UP_SLICE): org-service asked after its second row, and after its third
        org.verifyThat(1, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/330600/items"))
                .withQueryParam("afterRegion", equalTo("330603001")).withQueryParam("afterRequirement",
                        equalTo("TOWNSHIP_FULL_TIME_HEADS")).withQueryParam("limit", equalTo("2")));
        funding.verifyThat(1, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/330600/items"))
                .withQueryParam("afterRegion", equalTo("330602002")));
        review.verifyThat(1, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/330600/items")));
    }

    @Test
    void anExportWaitsForSlicesSlowerThanAPageMay() throws IOException {
        // funding-service's slices take longer than luoshi.gateway.timeout-ms (2 s): a page goes on without them, an
        // export (the whole list, read with the imports' timeout) waits for them
        serve(funding, List.of(F1, F2), 2300);
        given().auth().oauth2(ADMIN).queryParam("year", 2025).queryParam("size", 2).get(PATH).then().statusCode(200)
                .body("incomplete", contains("funding-service"));
        byte[] body = given().auth().oauth2(ADMIN).accept("text/csv").queryParam("year", 2025).get(PATH).then()
                .statusCode(200).header("Luoshi-Incomplete", nullValue()).extract().asByteArray();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(new String(body, 3, body.length - 3, StandardCharsets.UTF_8))) {
            assertThat(it.readAll()).extracting(r -> r.get("地区代码 Region code"))
                    .containsExactly("330602", "330602001", "330602001", "330602002", "330603001", "330604001");
        }
    }

    @Test
    void theWholeListAsXlsxHasFrozenHeadersInChineseAndEnglishAFilterAndEveryRow() throws IOException {
        byte[] body = given().auth().oauth2(ADMIN).accept(XLSX).queryParam("year", 2025)
                .get(PATH).then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            XSSFSheet sheet = book.getSheet("督办清单");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("地区代码");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Region code");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("要求");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:P8");
            assertThat(sheet.getLastRowNum()).isEqualTo(7);
            assertThat(cells(sheet, 4)).containsExactly("330602001", "塔山街道", "TOWNSHIP_YOUTH_LEAGUE_FUNDING",
                    "确保各乡镇（街道）每年不少于2万元共青团工作经费", "未落实", "NON_COMPLIANT", "", "2025-01-01", "2025-12-31",
                    "2025-12-31", "20000.00", "19999.99", "19999.99 (越财预〔2025〕12号)", "共青团绍兴市委 0575-85201234", "",
                    "OPEN 2026-03-31");
            assertThat(cells(sheet, 7).get(0)).isEqualTo("330604001");
            // money as a number (not text) formatted with two decimals
            assertThat(sheet.getRow(4).getCell(10).getNumericCellValue()).isEqualTo(20000.0);
            assertThat(sheet.getRow(4).getCell(11).getNumericCellValue()).isEqualTo(19999.99);
            assertThat(sheet.getRow(4).getCell(11).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        }
    }

    private static List<String> cells(Sheet sheet, int r) {
        Row row = sheet.getRow(r);
        // as Excel shows them: money is a number formatted 0.00
        org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter();
        return java.util.stream.IntStream.range(0, 16).mapToObj(c -> row.getCell(c) == null ? ""
                : shown.formatCellValue(row.getCell(c))).toList();
    }

    @Test
    void badFiltersAreRefusedNamingTheFieldBeforeAnyServiceIsAsked() {
        given().auth().oauth2(ADMIN).queryParam("status", "NON_COMPLIANT,LATE").get(PATH).then().statusCode(400)
                .body("violations[0].field", is("status")).body("violations[0].message", containsString("[LATE]"));
        given().auth().oauth2(ADMIN).queryParam("level", "DISTRICT").get(PATH).then().statusCode(400)
                .body("violations[0].field", is("level"));
        given().auth().oauth2(ADMIN).queryParam("requirementId", "NO SUCH").get(PATH).then().statusCode(400)
                .body("violations[0].field", is("requirementId"));
        given().auth().oauth2(ADMIN).queryParam("year", 3000).get(PATH).then().statusCode(400)
                .body("violations[0].field", is("year"));
        given().auth().oauth2(ADMIN).queryParam("size", 501).get(PATH).then().statusCode(400)
                .body("violations[0].field", is("size"));
        given().auth().oauth2(ADMIN).queryParam("page", -1).get(PATH).then().statusCode(400)
                .body("violations[0].field", is("page"));
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/3306x/items").then().statusCode(400)
                .body("violations[0].field", is("regionCode"));
        given().auth().oauth2(ADMIN).queryParam("year", "2025x").get(PATH).then().statusCode(400)
                .body("violations[0].field", is("year"));
        given().auth().oauth2(ADMIN).queryParam("page", "1.5").get(PATH).then().statusCode(400)
                .body("violations[0].field", is("page"));
        given().auth().oauth2(TestTokens.token("viewer", "330700")).get(PATH).then().statusCode(403);
        assertNoServiceWasCalled();
    }

    @Test
    void withAcceptLanguageZhCnAProblemIsInChinese() {
        given().auth().oauth2(ADMIN).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .queryParam("status", "LATE").get(PATH).then().statusCode(400)
                .body("title", is("请求有误"))
                .body("detail", is("字段 status：须为以逗号分隔的状态，每个均为 [COMPLIANT, PENDING, NON_COMPLIANT, NO_DATA, "
                        + "NOT_APPLICABLE] 之一；以下不是：[LATE]"))
                .body("violations[0].field", is("status"));
        given().auth().oauth2(ADMIN).header("Accept-Language", "zh-CN").queryParam("size", 0).get(PATH).then()
                .statusCode(400).body("title", is("请求有误")).body("detail", is("字段 size：须大于或等于 1"));
        given().auth().oauth2(TestTokens.token("viewer", "330700")).header("Accept-Language", "zh-CN").get(PATH).then()
                .statusCode(403).body("title", is("无权访问")).body("detail", is("地区 330600 不在您的地区 330700 范围内"));
        // English stays the default, and is what an English-first header gets
        given().auth().oauth2(ADMIN).header("Accept-Language", "en-GB,zh-CN;q=0.5").queryParam("size", 0).get(PATH)
                .then().statusCode(400).body("title", is("Bad Request")).body("detail", is("size: must be greater than or equal to 1"));
        given().auth().oauth2(ADMIN).header("Accept-Language", "zh-CN").get("/api/v1/no-such-path").then()
                .statusCode(404).body("title", is("未找到")).body("detail", is("此路径下没有资源。"));
    }
}
