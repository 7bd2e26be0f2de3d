package luoshi.api.compliance;

import luoshi.api.region.RegionCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import luoshi.api.common.Page;
import luoshi.api.common.Problem;
import luoshi.api.common.ConditionalRead;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public compliance views (API.md, Compliance), served by the gateway: it asks org-, funding-
 * and review-service ({@link ComplianceSource}) in parallel and merges their answers.
 */
@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "A malformed region code, year or date (the problem names the field)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "bad region code", value = ComplianceApi.BAD_REGION_EXAMPLE)))
@APIResponse(responseCode = "404", description = "A region that org-service does not know",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "compliance", description = ComplianceApi.TAG)
public interface ComplianceApi {

    /** The tag of every /api/v1/compliance operation (the trends' too). */
    String TAG = "落实情况: every requirement evaluated for a region and a year, rolled up over subtrees, and its trend";
    String REGION_CODE = "A region code (6, 9 or 12 digits); 000000 is the whole country. 例: 330602001 (塔山街道), 330600 (绍兴市)";
    String YEAR = "The year evaluated (calendar = fiscal year); defaults to the current year";
    String AS_OF = "The date the verdicts are taken on (PENDING before a due date, NON_COMPLIANT after it), YYYY-MM-DD "
            + "such as 2026-11-22; today when left out";
    String INCOMPLETE = "Still 200 when a service does not answer within its timeout: `incomplete` names it, "
            + "and its requirements are missing from the answer.";
    String CURRENT = " Every answer reflects every write committed before the request: each service keeps the answers it "
            + "computed while its data is unchanged, and evaluates again after any write.";
    String CACHE_CONTROL = "Leave it out. `no-cache`: every service evaluates the requirements afresh instead of answering "
            + "what it kept for unchanged data (the answer is the same; for diagnosis and measurement).";

    @GET
    @Requires(Role.VIEWER)
    @ConditionalRead
    @Path("/{regionCode}")
    @Operation(operationId = "getCompliance", summary = "The compliance of one region for one year (一个地区的落实情况)",
            description = "One item per requirement in the catalog (a TERM requirement: one per committee term that "
                    + "overlaps the year), with what was expected, what was found and the evidence, ordered by "
                    + "requirement id; `summary` counts the items per status. " + INCOMPLETE + CURRENT)
    @Parameter(name = "Cache-Control", in = ParameterIn.HEADER, description = CACHE_CONTROL,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The region's items",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComplianceReport.class),
                    examples = @ExampleObject(name = "塔山街道 2025", value = REPORT_EXAMPLE)))
    CompletionStage<ComplianceReport> report(
            @Parameter(description = REGION_CODE, example = "330602001") @PathParam("regionCode") RegionCode regionCode,
            @Parameter(description = YEAR, example = "2025") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = AS_OF) @QueryParam("asOf") LocalDate asOf);

    @GET
    @Requires(Role.VIEWER)
    @ConditionalRead
    @Path("/{regionCode}/rollup")
    @Operation(operationId = "getComplianceRollup", summary = "The compliance of a region's whole subtree (汇总: 省 → 市 → 县 → 乡镇)",
            description = "`counts` cover the region and its whole subtree; each child's `counts` cover that child and "
                    + "its subtree; `byRequirement` counts each requirement over the subtree. `complianceRate` = "
                    + "COMPLIANT ÷ (COMPLIANT + PENDING + NON_COMPLIANT + NO_DATA), rounded to 4 decimals, null when "
                    + "that sum is 0. 000000 rolls up the whole country by province. " + INCOMPLETE + CURRENT)
    @Parameter(name = "Cache-Control", in = ParameterIn.HEADER, description = CACHE_CONTROL,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The subtree's counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ComplianceRollup.class),
                    examples = @ExampleObject(name = "绍兴市 2025", value = ROLLUP_EXAMPLE)))
    CompletionStage<ComplianceRollup> rollup(
            @Parameter(description = REGION_CODE, example = "330600") @PathParam("regionCode") RegionCode regionCode,
            @Parameter(description = YEAR, example = "2025") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = AS_OF) @QueryParam("asOf") LocalDate asOf);

    /** The media types of the follow-up list besides JSON: CSV (UTF-8 with a BOM) and XLSX. */
    String CSV = "text/csv";
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GET
    @Requires(Role.VIEWER)
    @ConditionalRead
    @Path("/{regionCode}/items")
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX})
    @Operation(operationId = "getFollowUpList", summary = "The follow-up list of a subtree (督办清单)",
            description = "Every item of the region and its whole subtree that matches the filters, one row each: the "
                    + "region, the requirement and its Chinese title, the status (and why, for NOT_APPLICABLE and "
                    + "NO_DATA), expected, actual, the due date, the evidence, the owner, the waiver and the open "
                    + "rectification; ordered by region code, requirement id and period start. Evaluated in SQL over "
                    + "the subtree by each service. As JSON a page; with `Accept: text/csv` (UTF-8 with a BOM, so that "
                    + "Excel reads the Chinese) or the XLSX type the whole list, streamed, with Chinese headers and "
                    + "English beneath (XLSX) or beside (CSV); `page` and `size` are then ignored. " + INCOMPLETE
                    + " (CSV and XLSX: named in the header `Luoshi-Incomplete`.)")
    @APIResponse(responseCode = "200", description = "The matching rows",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FollowUpPage.class),
                            examples = @ExampleObject(name = "绍兴市 2025, 未落实的乡镇", value = FOLLOW_UP_EXAMPLE)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                            description = "UTF-8 with a BOM; a header line in Chinese and English")),
                    @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                            description = "One sheet, 督办清单: two header rows (Chinese, English), frozen, with a filter"))})
    Response followUp(
            @Parameter(description = REGION_CODE, example = "330600") @PathParam("regionCode") RegionCode regionCode,
            @Parameter(description = YEAR, example = "2025") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = AS_OF) @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "Statuses, comma-separated (none: every status): COMPLIANT (已落实), PENDING (未到期), "
                    + "NON_COMPLIANT (未落实), NO_DATA (缺数据), NOT_APPLICABLE (不适用)", example = "NON_COMPLIANT,NO_DATA")
            @QueryParam("status") String status,
            @Parameter(description = "Only regions of this level (none: every level)",
                    schema = @Schema(enumeration = {"PROVINCE", "CITY", "COUNTY", "TOWNSHIP", "VILLAGE"}),
                    example = "TOWNSHIP")
            @QueryParam("level") String level,
            @Parameter(description = "Only this requirement's items", example = "TOWNSHIP_YOUTH_LEAGUE_FUNDING")
            @QueryParam("requirementId") String requirementId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    /** The media type of the PDF report. */
    String PDF = "application/pdf";

    @GET
    @Requires(Role.VIEWER)
    @Path("/{regionCode}/report")
    @Produces({XLSX, PDF})
    @Operation(operationId = "getComplianceReportFile", summary = "The report of a region and a year, as XLSX or PDF (落实情况报告)",
            description = "By `Accept`. XLSX: three sheets, each with Chinese headers and English beneath, frozen, and a "
                    + "filter: 汇总 (the region's own row, its whole subtree ranked among its siblings, then a row per "
                    + "child: the counts per status, the compliance rate, the score and the rank of the evaluation), 事项 "
                    + "(every item of the subtree, as the follow-up list's rows: expected, actual, evidence, owner, waiver, "
                    + "rectification; money as numbers formatted 0.00) and 整改 (the subtree's rectifications of the "
                    + "year). PDF: the title (the region's Chinese name and the year), the summary, the children with "
                    + "score and rank, and the NON_COMPLIANT items with their evidence, the Chinese in an embedded font. "
                    + "Both streamed: the subtree's size costs the gateway no memory. A service that does not answer is "
                    + "named in the header `Luoshi-Incomplete`. 406 for any other `Accept`; 503 when the PDF's font is "
                    + "not installed (the problem names the setting `luoshi.reports.cjk-font`).")
    @APIResponse(responseCode = "200", description = "The report",
            content = {@Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                            description = "Sheets 汇总, 事项, 整改: two header rows (Chinese, English), frozen, with a filter")),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary",
                            description = "A4 landscape, Chinese embedded"))})
    @APIResponse(responseCode = "403", description = "The region lies outside the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "`Accept` names neither the XLSX type nor application/pdf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "A service refused, or the PDF's CJK font is missing (named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    Response downloadReport(
            @Parameter(description = REGION_CODE, example = "330600") @PathParam("regionCode") RegionCode regionCode,
            @Parameter(description = YEAR, example = "2025") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = AS_OF) @QueryParam("asOf") LocalDate asOf);

    String FOLLOW_UP_EXAMPLE = """
            {"items":[{"regionCode":"330602001","regionName":"塔山街道","requirementId":"TOWNSHIP_YOUTH_LEAGUE_FUNDING",
                       "title":"确保各乡镇（街道）每年不少于2万元共青团工作经费","status":"NON_COMPLIANT",
                       "periodStart":"2025-01-01","periodEnd":"2025-12-31","dueDate":"2025-12-31",
                       "expected":"20000.00","actual":"19999.99",
                       "evidence":[{"kind":"FUNDING","id":"9f1c","documentRef":"越财预〔2025〕12号","note":"19999.99"}],
                       "requirementVersion":1,
                       "owner":{"unit":"共青团绍兴市委","contact":"0575-85201234","regionCode":"330600"},
                       "rectification":{"id":"5b0d7c1e-2a9b-4e8a-9b0c-1d2e3f4a5b6c","status":"OPEN",
                                        "dueDate":"2026-03-31","requirementId":"TOWNSHIP_YOUTH_LEAGUE_FUNDING",
                                        "regionCode":"330602001","periodStart":"2025-01-01"}}],
             "page":0,"size":50,"total":1,"incomplete":[]}""";

    String REPORT_EXAMPLE = """
            {"regionCode":"330602001","regionName":"塔山街道","year":2025,"asOf":"2026-11-22",
             "items":[{"requirementId":"TOWNSHIP_YOUTH_LEAGUE_FUNDING","status":"NON_COMPLIANT",
                       "periodStart":"2025-01-01","periodEnd":"2025-12-31","dueDate":"2025-12-31",
                       "expected":"20000.00","actual":"19999.99",
                       "evidence":[{"kind":"FUNDING","id":"9f1c","documentRef":"越财预〔2025〕12号","note":"19999.99"}],
                       "requirementVersion":1,"title":"确保各乡镇（街道）每年不少于2万元共青团工作经费"},
                      {"requirementId":"WOMENS_WORK_PER_CAPITA_FUNDING","status":"NO_DATA",
                       "periodStart":"2025-01-01","periodEnd":"2025-12-31","dueDate":"2025-12-31",
                       "actual":"0.00","evidence":[],"requirementVersion":1,
                       "title":"市、县、乡镇（街道）严格落实按人均一元钱标准增拨妇女工作经费",
                       "reason":"NO_FACTS","missing":["POPULATION"]},
                      {"requirementId":"TOWNSHIP_FULL_TIME_HEADS","status":"COMPLIANT",
                       "periodStart":"2025-01-01","periodEnd":"2025-12-31","dueDate":"2025-12-31",
                       "expected":"3","actual":"3",
                       "evidence":[{"kind":"LEADER","id":"41","note":"张丽 (妇联主席, 专职)"}]}],
             "summary":{"COMPLIANT":1,"PENDING":0,"NON_COMPLIANT":1,"NO_DATA":1,"NOT_APPLICABLE":0},
             "incomplete":[]}""";

    String ROLLUP_EXAMPLE = """
            {"regionCode":"330600","regionName":"绍兴市","year":2025,"asOf":"2026-11-22",
             "counts":{"COMPLIANT":13,"PENDING":0,"NON_COMPLIANT":2,"NO_DATA":1,"NOT_APPLICABLE":40},
             "complianceRate":0.8125,
             "children":[{"regionCode":"330602","regionName":"越城区",
                          "counts":{"COMPLIANT":7,"PENDING":0,"NON_COMPLIANT":1,"NO_DATA":0,"NOT_APPLICABLE":20},
                          "complianceRate":0.875}],
             "byRequirement":[{"requirementId":"TOWNSHIP_YOUTH_LEAGUE_FUNDING",
                               "counts":{"COMPLIANT":9,"PENDING":0,"NON_COMPLIANT":1,"NO_DATA":0,"NOT_APPLICABLE":0},
                               "complianceRate":0.9}],
             "incomplete":["review-service"]}""";

    String BAD_REGION_EXAMPLE = """
            {"type":"about:blank","title":"Bad Request","status":400,
             "detail":"regionCode: must be a region code of 6, 9 or 12 digits (e.g. 330602 or 330602001), or 000000 for the whole country: \"3306x\"",
             "violations":[{"field":"regionCode","message":"must be a region code of 6, 9 or 12 digits (e.g. 330602 or 330602001), or 000000 for the whole country: \"3306x\""}]}""";
}
