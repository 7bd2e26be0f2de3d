package luoshi.gateway.compliance;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import luoshi.api.common.Page;
import luoshi.api.common.Problem;
import luoshi.api.compliance.ComplianceRollup;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.FollowUpFilter;
import luoshi.api.compliance.FollowUpItem;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.evaluation.Evaluation;
import luoshi.api.review.Rectification;
import luoshi.api.review.RectificationsApi;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import luoshi.gateway.client.Unanswered;
import luoshi.gateway.config.ReportsConfig;
import luoshi.platform.ProblemException;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The reports of a region and a year (API.md, "Reports"), made of the views that exist: the rollup
 * ({@link ComplianceViews}) and the evaluation ({@link Evaluations}) give the summary per child, the follow-up list
 * ({@link FollowUpLists}, written as {@link FollowUpExports} writes it) the items, review-service's rectifications
 * ({@link RectificationsApi}, a page at a time) the third sheet. The XLSX is written by POI's streaming workbook and
 * the PDF by OpenPDF page by page, the items a batch at a time: the subtree's size costs no memory.
 */
@ApplicationScoped
public class ComplianceReports {

    static final String SUMMARY_SHEET = "汇总";
    static final String ITEMS_SHEET = "事项";
    static final String RECTIFICATIONS_SHEET = "整改";
    /** The rectifications asked of review-service at a time. */
    static final int RECTIFICATION_PAGE = Page.MAX_SIZE;
    /** The rows of the PDF's table of items laid out at a time (the rest are not yet read). */
    static final int PDF_ROWS = 200;

    private final ComplianceViews views;
    private final Evaluations evaluations;
    private final FollowUpLists lists;
    private final Services services;
    private final ReportsConfig config;
    private volatile BaseFont font;

    ComplianceReports(ComplianceViews views, Evaluations evaluations, FollowUpLists lists, Services services,
            ReportsConfig config) {
        this.views = views;
        this.evaluations = evaluations;
        this.lists = lists;
        this.services = services;
        this.config = config;
    }

    /** What a report says of the region and its children: its rollup and its evaluation, asked at once. */
    public record Summary(RegionYear at, ComplianceRollup rollup, Evaluation evaluation) {

        /** The services that did not answer, for {@code Luoshi-Incomplete}. */
        List<String> incomplete() {
            return Stream.concat(rollup.incomplete().stream(), evaluation.incomplete().stream()).distinct().toList();
        }
    }

    /** The summary; {@code rankParent} as {@link Evaluations#evaluation} takes it. */
    public Summary summary(RegionYear q, String rankParent) {
        CompletableFuture<ComplianceRollup> rollup = views.rollup(q).thenApply(Tagged::value).toCompletableFuture();
        CompletableFuture<Evaluation> evaluation = evaluations.evaluation(q, rankParent).toCompletableFuture();
        return new Summary(q, Route.await(rollup), Route.await(evaluation));
    }

    /** Every item of the subtree: the follow-up list without filters. */
    public FollowUpLists.Question items(RegionYear q) {
        return new FollowUpLists.Question(q, new FollowUpFilter(EnumSet.noneOf(ComplianceStatus.class), null, null));
    }

    /** The NON_COMPLIANT items of the subtree. */
    public FollowUpLists.Question nonCompliant(RegionYear q) {
        return new FollowUpLists.Question(q, new FollowUpFilter(EnumSet.of(ComplianceStatus.NON_COMPLIANT), null, null));
    }

    /**
     * The first page of the subtree's rectifications of the year, asked before the answer starts (a refusal is a
     * problem); null when review-service, which keeps them, did not answer: the report is still given, as the rollup
     * is, its rectifications sheet empty and the service named ({@link #rectificationsService}).
     */
    public Page<Rectification> firstRectifications(RegionYear q) {
        try {
            return rectifications(q, 0);
        } catch (Unanswered e) {
            return null;
        }
    }

    /** The service that keeps the rectifications. */
    public String rectificationsService() {
        return services.review().name();
    }

    private Page<Rectification> rectifications(RegionYear q, int page) {
        return services.review().route(RectificationsApi.class)
                .read(api -> api.list(q.regionCode(), null, null, null, q.year(), page, RECTIFICATION_PAGE));
    }

    // ---- XLSX

    /** The workbook: the summary, every item, the rectifications; each sheet with frozen bilingual headers and a filter. */
    public void xlsx(Summary s, FollowUpLists.Rows items, Page<Rectification> first, OutputStream out) throws IOException {
        FollowUpLists.Question q = items(s.at());
        try (SXSSFWorkbook book = FollowUpExports.workbook()) {
            summarySheet(book, s);
            FollowUpExports.itemSheet(book, ITEMS_SHEET, lists, q, items);
            rectificationSheet(book, s.at(), first);
            book.write(out);
        }
        out.flush();
    }

    private static final List<String> SUMMARY_ZH = List.of("地区代码", "地区", "已落实", "未到期", "未落实", "缺数据",
            "不适用", "其中豁免", "落实率", "得分", "排名", "参与排名数");
    private static final List<String> SUMMARY_EN = List.of("Region code", "Region", "Compliant", "Pending",
            "Non-compliant", "No data", "Not applicable", "Of which waived", "Compliance rate", "Score", "Rank", "Ranked among");

    /** The region's own row (its whole subtree, ranked among its siblings), then a row per child (ranked among them). */
    private static void summarySheet(SXSSFWorkbook book, Summary s) {
        FollowUpExports.Sheet sheet = new FollowUpExports.Sheet(book, SUMMARY_SHEET, SUMMARY_ZH, SUMMARY_EN);
        for (SummaryRow row : summaryRows(s)) {
            List<Object> cells = new ArrayList<>(List.of(row.code(), Objects.requireNonNullElse(row.name(), "")));
            StatusCounts c = row.counts();
            cells.addAll(List.of(c.compliant(), c.pending(), c.nonCompliant(), c.noData(), c.notApplicable(), c.waived()));
            cells.add(new FollowUpExports.Formatted(row.rate(), "0.00%"));
            cells.add(new FollowUpExports.Formatted(row.score(), "0.0"));
            cells.add(row.rank());
            cells.add(row.of());
            sheet.row(cells);
        }
        sheet.filter();
    }

    /** A line of the summary: a region's counts, rate, score and rank. */
    record SummaryRow(String code, String name, StatusCounts counts, BigDecimal rate, BigDecimal score, Integer rank,
            Integer of) {
    }

    static List<SummaryRow> summaryRows(Summary s) {
        ComplianceRollup r = s.rollup();
        Evaluation e = s.evaluation();
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(new SummaryRow(r.regionCode(), r.regionName(), r.counts(), r.complianceRate(), e.score(), e.rank(),
                e.rank() == null ? null : e.of()));
        Map<String, Evaluation.ChildEvaluation> scored = e.children().stream()
                .collect(Collectors.toMap(Evaluation.ChildEvaluation::regionCode, Function.identity(), (a, b) -> a));
        int children = r.children().size();
        for (ComplianceRollup.ChildCompliance child : r.children()) {
            Evaluation.ChildEvaluation ce = scored.get(child.regionCode());
            Integer rank = ce == null ? null : ce.rank();
            rows.add(new SummaryRow(child.regionCode(), child.regionName(), child.counts(), child.complianceRate(),
                    ce == null ? null : ce.score(), rank, rank == null ? null : children));
        }
        return rows;
    }

    private static final List<String> RECTIFICATION_ZH = List.of("编号", "地区代码", "要求编号", "期间开始", "期间结束",
            "截止日期", "状态", "说明", "责任单位", "应达", "实际");
    private static final List<String> RECTIFICATION_EN = List.of("ID", "Region code", "Requirement", "Period start",
            "Period end", "Due date", "Status", "Description", "Owner", "Expected", "Actual");

    private void rectificationSheet(SXSSFWorkbook book, RegionYear q, Page<Rectification> first) {
        FollowUpExports.Sheet sheet = new FollowUpExports.Sheet(book, RECTIFICATIONS_SHEET, RECTIFICATION_ZH,
                RECTIFICATION_EN);
        for (Page<Rectification> page = first; page != null; page = rectifications(q, page.page() + 1)) {
            for (Rectification r : page.items()) {
                sheet.row(Arrays.asList(r.id(), r.regionCode(), r.requirementId(), text(r.periodStart()),
                        text(r.periodEnd()), text(r.dueDate()), r.status() == null ? null : r.status().name(),
                        r.description(), r.owner() == null ? null : r.owner().unit()
                                + (r.owner().contact() == null ? "" : " " + r.owner().contact()),
                        FollowUpExports.amount(r.expected()), FollowUpExports.amount(r.actual())));
            }
            if (page.items().size() < page.size() || (long) (page.page() + 1) * page.size() >= page.total()) {
                break;
            }
        }
        sheet.filter();
    }

    // ---- PDF

    /**
     * The CJK font the PDF embeds (a subset of it), read once from {@code luoshi.reports.cjk-font}; a 503 naming the
     * setting when it is missing or unreadable: a PDF without its Chinese is never written.
     */
    public BaseFont font() {
        BaseFont loaded = font;
        if (loaded == null) {
            loaded = loadFont(config.cjkFont());
            font = loaded;
        }
        return loaded;
    }

    /** The font at {@code path} (of a collection, .ttc, its first font), embedded as a subset. */
    public static BaseFont loadFont(String path) {
        if (!Files.isReadable(Path.of(path))) {
            throw fontMissing("The PDF report needs a CJK font: the setting " + ReportsConfig.CJK_FONT + " names "
                    + path + ", where there is no readable file (install Debian's fonts-wqy-zenhei, or name a TrueType or OpenType font).");
        }
        try {
            return BaseFont.createFont(path.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? path + ",0" : path,
                    BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException | RuntimeException e) {
            throw fontMissing("The PDF report needs a CJK font: the setting " + ReportsConfig.CJK_FONT + " names "
                    + path + ", which is no font it can embed (install Debian's fonts-wqy-zenhei, or name a TrueType or OpenType font).");
        }
    }

    private static ProblemException fontMissing(String detail) {
        return new ProblemException(Problem.of(503, "Service Unavailable", detail));
    }

    /** The PDF: the title, the summary of the region, its children with score and rank, the NON_COMPLIANT items. */
    public void pdf(Summary s, BaseFont base, FollowUpLists.Rows nonCompliant, OutputStream out) throws IOException {
        Font title = new Font(base, 18);
        Font heading = new Font(base, 13);
        Font body = new Font(base, 8);
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setCloseStream(false);
        ComplianceRollup r = s.rollup();
        String name = Objects.requireNonNullElse(r.regionName(), r.regionCode());
        doc.addTitle(name + " " + s.at().year() + "年度落实情况报告");
        doc.addCreator("Luoshi");
        doc.open();
        Paragraph head = new Paragraph(name + " " + s.at().year() + "年度落实情况报告", title);
        head.setAlignment(Element.ALIGN_CENTER);
        doc.add(head);
        doc.add(new Paragraph("Compliance report of " + r.regionCode() + " for " + s.at().year() + ", as of "
                + s.at().asOf() + (s.incomplete().isEmpty() ? "" : "; not answered: " + String.join(", ", s.incomplete())),
                body));

        List<SummaryRow> rows = summaryRows(s);
        doc.add(new Paragraph("汇总 Summary", heading));
        doc.add(summaryTable(rows.subList(0, 1), body));
        doc.add(new Paragraph("下级地区 Children (得分 score, 排名 rank)", heading));
        if (rows.size() > 1) {
            doc.add(summaryTable(rows.subList(1, rows.size()), body));
        } else {
            doc.add(new Paragraph("无 (none)", body));
        }

        doc.add(new Paragraph("未落实事项 Non-compliant items", heading));
        PdfPTable items = table(body, new float[] {2, 2, 5, 1.5f, 1.5f, 5, 3}, "地区代码 Region code", "地区 Region",
                "要求 Requirement", "应达 Expected", "实际 Actual", "证据 Evidence", "责任单位 Owner");
        items.setComplete(false);
        FollowUpLists.Question q = nonCompliant(s.at());
        long written = 0;
        for (List<FollowUpItem> batch = lists.nextBatch(q, nonCompliant); !batch.isEmpty();
                batch = lists.nextBatch(q, nonCompliant)) {
            for (FollowUpItem item : batch) {
                cells(items, body, item.regionCode(), item.regionName(), item.title() + "\n" + item.requirementId(),
                        item.expected(), item.actual(), FollowUpExports.text(item, "Evidence"),
                        FollowUpExports.text(item, "Owner"));
                if (++written % PDF_ROWS == 0) {
                    doc.add(items);   // laid out and written; the table keeps only its header
                }
            }
        }
        if (written == 0) {
            doc.add(new Paragraph("无 (none)", body));
        } else {
            items.setComplete(true);
            doc.add(items);
        }
        doc.close();
        out.flush();
    }

    private static PdfPTable summaryTable(List<SummaryRow> rows, Font font) {
        PdfPTable table = table(font, new float[] {2, 3, 1.3f, 1.3f, 1.3f, 1.3f, 1.3f, 1.5f, 1.5f, 1.2f},
                "地区代码 Region code", "地区 Region", ComplianceStatus.COMPLIANT.chinese(), ComplianceStatus.PENDING.chinese(),
                ComplianceStatus.NON_COMPLIANT.chinese(), ComplianceStatus.NO_DATA.chinese(),
                ComplianceStatus.NOT_APPLICABLE.chinese(), "落实率 Rate", "得分 Score", "排名 Rank");
        for (SummaryRow row : rows) {
            StatusCounts c = row.counts();
            cells(table, font, row.code(), row.name(), String.valueOf(c.compliant()), String.valueOf(c.pending()),
                    String.valueOf(c.nonCompliant()), String.valueOf(c.noData()), String.valueOf(c.notApplicable()),
                    row.rate() == null ? "—" : row.rate().movePointRight(2).setScale(2, RoundingMode.HALF_UP) + "%",
                    row.score() == null ? "—" : row.score().toPlainString(),
                    row.rank() == null ? "—" : row.rank() + " / " + row.of());
        }
        return table;
    }

    private static PdfPTable table(Font font, float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, font));
            cell.setGrayFill(0.85f);
            table.addCell(cell);
        }
        return table;
    }

    private static void cells(PdfPTable table, Font font, String... values) {
        for (String value : values) {
            table.addCell(new PdfPCell(new Phrase(Objects.requireNonNullElse(value, ""), font)));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
