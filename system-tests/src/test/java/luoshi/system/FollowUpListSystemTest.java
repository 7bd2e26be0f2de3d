package luoshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import luoshi.testing.TestTokens;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The follow-up list (督办清单, API.md "Follow-up list and readable answers") of the Shaoxing fixture through the
 * started system: the list of 绍兴市's NON_COMPLIANT townships equals, row for row, the NON_COMPLIANT items of every
 * township's own compliance answer; its pages are slices of it; its CSV and XLSX hold the same rows; every item has its
 * Chinese title, and a NOT_APPLICABLE or NO_DATA one its reason. It only reads (the Shaoxing regions are imported as
 * ShaoxingEndToEndTest imports them, idempotently), so it holds whatever facts other tests wrote before it.
 */
class FollowUpListSystemTest {

    static final String QUERY = "year=2025&asOf=2026-01-15";
    static final String LIST = "/api/v1/compliance/330600/items?" + QUERY + "&status=NON_COMPLIANT&level=TOWNSHIP";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** 绍兴市's townships as org-service has them (a test may add some to the 103 of docs/data). */
    static List<String> townships;

    @BeforeAll
    static void shaoxing() throws IOException {
        LuoshiSystem.get();
        ShaoxingEndToEndTest.importRegionsOfShaoxing();
        List<String> found = new ArrayList<>();
        for (String county : PublicApi.as(TestTokens.ADMIN).get("/api/v1/regions/330600/children?size=500").then()
                .statusCode(200).extract().jsonPath().<String>getList("items.code")) {
            found.addAll(PublicApi.as(TestTokens.ADMIN).get("/api/v1/regions/" + county + "/children?size=500").then()
                    .statusCode(200).extract().jsonPath().<String>getList("items.findAll { it.level == 'TOWNSHIP' }.code"));
        }
        townships = found.stream().sorted().toList();
        assertThat(townships).hasSizeGreaterThanOrEqualTo(103).contains("330602001", "330602009");
        // every service's copy of the regions holds the 103 townships
        Poll.until("the three services know Shaoxing's townships", Duration.ofSeconds(60), () -> {
            JsonPath rollup = PublicApi.as(TestTokens.ADMIN).get("/api/v1/compliance/330600/rollup?" + QUERY).then()
                    .statusCode(200).extract().jsonPath();
            return rollup.getList("incomplete").isEmpty() && List.of("TOWNSHIP_YOUTH_LEAGUE_FUNDING",
                    "TOWNSHIP_FULL_TIME_HEADS").stream().allMatch(id -> total(rollup, id) >= 103);
        });
    }

    private static int total(JsonPath rollup, String requirement) {
        Map<String, Integer> counts = rollup.getMap("byRequirement.find { it.requirementId == '" + requirement + "' }.counts");
        return counts == null ? 0 : counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The fields of a row that the township's own items carry too. */
    private static Map<String, Object> comparable(String region, String name, Map<String, Object> item) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("regionCode", region);
        row.put("regionName", name);
        for (String field : List.of("requirementId", "title", "status", "periodStart", "periodEnd", "dueDate", "expected",
                "actual", "evidence", "requirementVersion", "owner", "waiver")) {
            row.put(field, item.get(field));
        }
        return row;
    }

    /** Every NON_COMPLIANT item of every township, from the township's compliance answer, in the list's order. */
    private static List<Map<String, Object>> nonCompliantItemsOfEveryTownship() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String township : townships) {
            JsonPath answer = PublicApi.as(TestTokens.ADMIN).get("/api/v1/compliance/" + township + "?" + QUERY).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(answer.getList("incomplete")).isEmpty();
            List<Map<String, Object>> items = answer.getList("items");
            for (Map<String, Object> item : items) {
                assertThat(item.get("title")).as(township + " " + item.get("requirementId")).isNotNull();
                if (item.get("status").equals("NON_COMPLIANT")) {
                    rows.add(comparable(township, answer.getString("regionName"), item));
                }
            }
        }
        // the items of a region are ordered by requirement and period; the townships by code
        return rows;
    }

    private static List<Map<String, Object>> wholeList(int size) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath answer = PublicApi.as(TestTokens.ADMIN).get(LIST + "&size=" + size + "&page=" + page).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(answer.getList("incomplete")).isEmpty();
            List<Map<String, Object>> items = answer.getList("items");
            items.forEach(i -> rows.add(comparable((String) i.get("regionCode"), (String) i.get("regionName"), i)));
            if (items.size() < size) {
                assertThat(answer.getLong("total")).isEqualTo(rows.size());
                return rows;
            }
        }
    }

    @Test
    void theListIsRowForRowTheNonCompliantItemsOfEveryTownshipAndItsPagesAreSlicesOfIt() {
        List<Map<String, Object>> expected = nonCompliantItemsOfEveryTownship();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(103);     // no township has every requirement met
        List<Map<String, Object>> list = wholeList(500);
        assertThat(list).isEqualTo(expected);
        assertThat(wholeList(37)).isEqualTo(expected);             // pages of 37: each a slice of the same list

        JsonPath page = PublicApi.as(TestTokens.ADMIN).get(LIST + "&size=7&page=3").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getInt("page")).isEqualTo(3);
        assertThat(page.getLong("total")).isEqualTo(expected.size());
        List<Map<String, Object>> items = page.getList("items");
        assertThat(items.stream().map(i -> i.get("regionCode") + " " + i.get("requirementId")).toList())
                .isEqualTo(expected.subList(21, 28).stream().map(i -> i.get("regionCode") + " " + i.get("requirementId"))
                        .toList());
    }

    @Test
    void itsCsvAndXlsxHoldTheSameRows() throws IOException {
        List<Map<String, Object>> list = wholeList(500);
        byte[] csv = PublicApi.as(TestTokens.ADMIN).accept("text/csv").get(LIST).then().statusCode(200)
                .extract().asByteArray();
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))) {
            rows = it.readAll();
        }
        assertThat(rows).hasSameSizeAs(list);
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> row = list.get(i);
            assertThat(rows.get(i)).as("CSV row " + i).containsEntry("地区代码 Region code", (String) row.get("regionCode"))
                    .containsEntry("地区 Region", (String) row.get("regionName"))
                    .containsEntry("要求编号 Requirement", (String) row.get("requirementId"))
                    .containsEntry("要求 Title", (String) row.get("title"))
                    .containsEntry("状态 Status", "未落实").containsEntry("状态代码 Status code", "NON_COMPLIANT")
                    .containsEntry("期间开始 Period start", (String) row.get("periodStart"))
                    .containsEntry("应达 Expected", Objects.toString(row.get("expected"), ""))
                    .containsEntry("实际 Actual", Objects.toString(row.get("actual"), ""));
        }

        byte[] xlsx = PublicApi.as(TestTokens.ADMIN).accept(XLSX).get(LIST).then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheet("督办清单");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("地区");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Region");
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 2);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:P" + (list.size() + 2));
            assertThat(sheet.getLastRowNum()).isEqualTo(list.size() + 1);
            for (int i = 0; i < list.size(); i++) {
                Row row = sheet.getRow(i + 2);
                assertThat(List.of(row.getCell(0).getStringCellValue(), row.getCell(2).getStringCellValue(),
                        row.getCell(3).getStringCellValue(), row.getCell(7).getStringCellValue()))
                        .as("XLSX row " + (i + 2)).containsExactly((String) list.get(i).get("regionCode"),
                                (String) list.get(i).get("requirementId"), (String) list.get(i).get("title"),
                                (String) list.get(i).get("periodStart"));
            }
        }
    }

    @Test
    void itemsSayWhyTheyAreNotApplicableOrHaveNoData() {
        // 灵芝街道 (330602009): a township is no committee's region; no population of 2025 is written for it
        JsonPath answer = PublicApi.as(TestTokens.ADMIN).get("/api/v1/compliance/330602009?" + QUERY).then()
                .statusCode(200).extract().jsonPath();
        assertThat(answer.getString("items.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.reason")).isEqualTo("LEVEL");
        assertThat(answer.getString("items.find { it.requirementId == 'ANNUAL_COMMITTEE_STUDY' }.title"))
                .isEqualTo("党委常委会每年专题研究群团工作");
        assertThat(answer.getString("items.find { it.requirementId == 'WOMENS_WORK_PER_CAPITA_FUNDING' }.status"))
                .isEqualTo("NO_DATA");
        assertThat(answer.getString("items.find { it.requirementId == 'WOMENS_WORK_PER_CAPITA_FUNDING' }.reason"))
                .isEqualTo("NO_FACTS");
        assertThat(answer.getList("items.find { it.requirementId == 'WOMENS_WORK_PER_CAPITA_FUNDING' }.missing"))
                .containsExactly("POPULATION");
        assertThat(answer.getList("items.findAll { it.status == 'COMPLIANT' || it.status == 'PENDING' "
                + "|| it.status == 'NON_COMPLIANT' }.reason").stream().filter(Objects::nonNull)).isEmpty();
        assertThat(answer.getList("items.findAll { it.status == 'NOT_APPLICABLE' || it.status == 'NO_DATA' }.reason"))
                .isNotEmpty().doesNotContainNull();
    }
}
