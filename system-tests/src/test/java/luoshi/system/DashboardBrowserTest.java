package luoshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #28, "It must show": the gateway's dashboard ({@code /}) in a real headless Chromium (Debian's, as
 * {@link SwaggerUiBrowserTest}), driven by playwright-core (src/test/browser/dashboard.mjs) as an inspector uses it: the
 * landing page in zh-CN says what Luoshi is, who issues tokens and the three steps; the sign-in dialog is modal, keeps
 * the focus and closes with Escape; a token pasted there, 330600 (绍兴市) and 2025 chosen, the heat table shows
 * Shaoxing's six county-level units and 越城区 drills down to its townships; the trend is drawn; the follow-up list
 * filtered by status shows the rows of that status only, as many as the API counts; the XLSX report downloads a
 * workbook and the list's CSV its UTF-8 BOM; no console error and no failed request; axe-core finds no serious or
 * critical violation. The screenshot is written to system-tests/target/dashboard.png (docs/dashboard.png is a copy).
 *
 * <p>It only reads, besides the snapshots of 330600's 2025 trend (which change no verdict): the Shaoxing regions are
 * imported as ShaoxingEndToEndTest imports them, idempotently, so it holds whatever facts other tests wrote.
 */
class DashboardBrowserTest {

    static final String CITY = "330600";
    static final String YEAR = "2025";
    static final String COUNTY = "330602";   // 越城区
    static final List<String> COUNTIES = List.of("330602", "330603", "330604", "330624", "330681", "330683");
    static final String QUERY = "/api/v1/compliance/" + CITY + "/items?year=" + YEAR + "&size=1&status=";

    @BeforeAll
    static void shaoxing() throws IOException {
        LuoshiSystem.get();
        ShaoxingEndToEndTest.importRegionsOfShaoxing();
        // the three services' copies of the regions hold Shaoxing's counties and townships
        Poll.until("the three services know Shaoxing's regions", Duration.ofSeconds(60), () -> {
            JsonPath rollup = PublicApi.as(TestTokens.ADMIN).get("/api/v1/compliance/" + CITY + "/rollup?year=" + YEAR)
                    .then().statusCode(200).extract().jsonPath();
            return rollup.getList("incomplete").isEmpty() && rollup.getList("children").size() == COUNTIES.size();
        });
        // the trend of 2025: four quarters' snapshots of the city's subtree
        for (String day : List.of("2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31")) {
            PublicApi.as(TestTokens.token("admin", CITY)).post("/api/v1/snapshots/run?asOf=" + day + "&regionCode=" + CITY)
                    .then().statusCode(200);
        }
    }

    @Test
    void anInspectorSignsInChoosesShaoxingAnd2025DrillsDownFiltersAndDownloads() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(SwaggerUiBrowserTest.CHROMIUM), "SKIPPED the dashboard check: no Chromium at "
                + SwaggerUiBrowserTest.CHROMIUM + " (Debian: apt-get install chromium; .ci/run installs it)");
        LuoshiSystem system = LuoshiSystem.get();
        Path tools = NodeTools.installed();
        Path screenshot = LuoshiSystem.root().resolve("system-tests/target/dashboard.png");
        Files.createDirectories(screenshot.getParent());
        String token = TestTokens.token("viewer", "000000");

        NodeTools.Result run = NodeTools.run(NodeTools.sources(), 300, "node", "dashboard.mjs", tools.toString(),
                system.gateway().toString(), token, CITY, YEAR, COUNTY, screenshot.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        String[] lines = run.output().strip().split("\n");
        JsonNode seen = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(seen.path("error").asText(null)).as("a step in the browser").isNull();

        // the landing page
        assertThat(seen.path("lang").asText()).isEqualTo("zh-CN");
        assertThat(seen.path("landing").asText()).as("what Luoshi is, who issues tokens, the three steps")
                .contains("群团工作", "逐地区、逐年度", "身份认证服务", "省级系统管理员", "deploy/local/token.sh", "汇总", "督办清单", "证据");

        // the sign-in dialog
        JsonNode dialog = seen.path("dialog");
        assertThat(dialog.path("modal").asBoolean()).as("the dialog is modal").isTrue();
        assertThat(dialog.path("focusInside").asBoolean()).as("the focus is in the dialog when it opens").isTrue();
        assertThat(dialog.path("closedByEscape").asBoolean()).as("Escape closes it").isTrue();
        assertThat(dialog.path("focusBackOnOpener").asText()).as("the focus goes back to the sign-in button").isEqualTo("sign-in");
        assertThat(dialog.path("focusTrapped").asBoolean()).as("Tab and Shift+Tab stay in the dialog").isTrue();

        // 330600, 2025: the score, the heat table of its counties
        assertThat(seen.path("status").asText()).contains("绍兴市", CITY, YEAR).doesNotContain("失败", "不完整");
        assertThat(seen.path("rate").asText()).matches("\\d+\\.\\d%");
        assertThat(seen.path("score").asText()).matches("\\d+\\.\\d|—");
        List<String> children = new ArrayList<>();
        List<String> names = new ArrayList<>();
        seen.path("heat").path("children").forEach(c -> {
            children.add(c.path("code").asText());
            names.add(c.path("name").asText());
        });
        assertThat(children).as("the heat table's columns: Shaoxing's county-level units").containsExactlyElementsOf(COUNTIES);
        assertThat(names).contains("越城区", "诸暨市");
        assertThat(seen.path("heat").path("rows").get(0).asText()).isEqualTo("全部要求");
        assertThat(seen.path("heat").path("rows").size()).as("requirements judged in the counties' subtrees").isGreaterThan(3);
        assertThat(seen.path("heat").path("tinted").asInt()).as("cells coloured by their rate").isGreaterThanOrEqualTo(COUNTIES.size());

        // the trend is drawn
        assertThat(seen.path("trend").size()).isPositive();
        assertThat(seen.path("trend").get(0).path("painted").asInt()).as("painted pixels of the trend's canvas").isGreaterThan(1000);
        assertThat(seen.path("trendLabel").asText()).contains("4 个快照", "2025-12-31");

        // the follow-up list filters by status: only rows of that status, as many as the API counts
        for (String status : List.of("NON_COMPLIANT", "NO_DATA")) {
            JsonNode shown = seen.path("items").path(status);
            Set<String> statuses = new HashSet<>();
            shown.path("statuses").forEach(s -> statuses.add(s.asText()));
            assertThat(statuses).as("the statuses of the rows shown for status=" + status).containsExactly(status);
            long total = PublicApi.as(TestTokens.ADMIN).get(QUERY + status).then().statusCode(200).extract().jsonPath()
                    .getLong("total");
            assertThat(shown.path("count").asText()).as("the count shown for status=" + status).startsWith("共 " + total + " 条");
        }
        Set<String> both = new HashSet<>();
        seen.path("items").path("NON_COMPLIANT,NO_DATA").path("statuses").forEach(s -> both.add(s.asText()));
        assertThat(both).as("the list as first shown: 未落实 and 缺数据").isNotEmpty().isSubsetOf("NON_COMPLIANT", "NO_DATA");

        // the files
        assertThat(seen.path("xlsx").path("name").asText()).isEqualTo("report-330600-2025.xlsx");
        assertThat(seen.path("xlsx").path("size").asLong()).isGreaterThan(1000);
        assertThat(List.of(seen.path("xlsx").path("head").get(0).asInt(), seen.path("xlsx").path("head").get(1).asInt()))
                .as("a workbook is a zip: PK").containsExactly((int) 'P', (int) 'K');
        assertThat(seen.path("csv").path("name").asText()).isEqualTo("follow-up-330600-2025.csv");
        assertThat(List.of(seen.path("csv").path("head").get(0).asInt(), seen.path("csv").path("head").get(1).asInt(),
                seen.path("csv").path("head").get(2).asInt())).as("the CSV's UTF-8 BOM").containsExactly(0xEF, 0xBB, 0xBF);

        // a county drills down
        JsonNode drill = seen.path("drill");
        assertThat(drill.path("region").asText()).isEqualTo(COUNTY);
        assertThat(drill.path("trail").asText()).contains("绍兴市", "越城区");
        assertThat(drill.path("up").asBoolean()).as("a way back up").isTrue();
        List<String> townships = new ArrayList<>();
        drill.path("children").forEach(c -> townships.add(c.asText()));
        assertThat(townships).as("越城区's townships in the heat table").contains("330602001", "330602002")
                .allMatch(code -> code.startsWith(COUNTY) && code.length() == 9);

        // nothing went wrong, and nothing is inaccessible
        assertThat(seen.path("consoleErrors")).as("console errors").isEmpty();
        assertThat(seen.path("failedRequests")).as("failed requests").isEmpty();
        for (String view : List.of("landing", "dialog", "dashboard")) {
            assertThat(seen.path("axe").path(view)).as("axe-core's serious and critical violations on the " + view).isEmpty();
        }
        assertThat(screenshot).isNotEmptyFile();
    }
}
