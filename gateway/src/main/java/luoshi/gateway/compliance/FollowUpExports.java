package luoshi.gateway.compliance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import luoshi.api.compliance.Evidence;
import luoshi.api.compliance.FollowUpItem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The follow-up list as a file an inspector opens in Excel (API.md, "Follow-up list and readable answers"): CSV in
 * UTF-8 with a BOM (Excel reads the Chinese only with it), written by Jackson's CSV writer, and XLSX written by Apache
 * POI's streaming workbook, which keeps {@link #WINDOW} rows in memory and the rest in a temporary file until it is
 * written out. Both are written batch by batch as the services answer ({@link FollowUpLists#nextBatch}), so the list's
 * length costs no memory. The columns are defined once ({@link #COLUMNS}): Chinese headers, English beside (CSV) or
 * beneath (XLSX).
 */
@ApplicationScoped
public class FollowUpExports {

    /** The XLSX rows kept in memory; the rest are flushed to a temporary file. */
    static final int WINDOW = 200;
    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final String SHEET = "督办清单";

    /** One column: its Chinese and English header, and its text in a row. */
    record Column(String zh, String en, Function<FollowUpItem, String> value) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("地区代码", "Region code", FollowUpItem::regionCode),
            new Column("地区", "Region", FollowUpItem::regionName),
            new Column("要求编号", "Requirement", FollowUpItem::requirementId),
            new Column("要求", "Title", FollowUpItem::title),
            new Column("状态", "Status", i -> i.status().chinese()),
            new Column("状态代码", "Status code", i -> i.status().name()),
            new Column("原因", "Reason", i -> i.reason() == null ? null : i.reason().name()
                    + (i.missing() == null || i.missing().isEmpty() ? "" : " " + String.join(",", i.missing()))),
            new Column("期间开始", "Period start", i -> text(i.periodStart())),
            new Column("期间结束", "Period end", i -> text(i.periodEnd())),
            new Column("截止日期", "Due date", i -> text(i.dueDate())),
            new Column("应达", "Expected", FollowUpItem::expected),
            new Column("实际", "Actual", FollowUpItem::actual),
            new Column("证据", "Evidence", i -> i.evidence() == null ? null : i.evidence().stream()
                    .map(FollowUpExports::evidence).collect(Collectors.joining("; "))),
            new Column("责任单位", "Owner", i -> i.owner() == null ? null
                    : i.owner().unit() + (i.owner().contact() == null ? "" : " " + i.owner().contact())),
            new Column("豁免", "Waiver", i -> i.waiver() == null ? null
                    : i.waiver().reason() + " (" + i.waiver().approvedBy() + ", " + text(i.waiver().to()) + ")"),
            new Column("整改", "Rectification", i -> i.rectification() == null ? null
                    : i.rectification().status() + " " + text(i.rectification().dueDate())));

    private final CsvMapper csv = CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    /** The whole list as CSV: a BOM, the header line ("地区代码 Region code", …), a line per row. */
    public void csv(FollowUpLists lists, FollowUpLists.Question q, FollowUpLists.Rows rows, OutputStream out)
            throws IOException {
        out.write(UTF8_BOM);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(c -> schema.addColumn(c.zh() + " " + c.en()));
        try (SequenceWriter writer = csv.writerFor(Object[].class).with(schema.build()).writeValues(out)) {
            for (List<FollowUpItem> batch = lists.nextBatch(q, rows); !batch.isEmpty(); batch = lists.nextBatch(q, rows)) {
                for (FollowUpItem item : batch) {
                    writer.write(COLUMNS.stream().map(c -> Objects.requireNonNullElse(c.value().apply(item), ""))
                            .toArray());
                }
                writer.flush();
            }
        }
        out.flush();
    }

    /** The whole list as XLSX: one sheet, the Chinese and the English headers frozen above the rows, a filter on them. */
    public void xlsx(FollowUpLists lists, FollowUpLists.Question q, FollowUpLists.Rows rows, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(WINDOW)) {
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet(SHEET);
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row zh = sheet.createRow(0);
            Row en = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                zh.createCell(c).setCellValue(COLUMNS.get(c).zh());
                zh.getCell(c).setCellStyle(header);
                en.createCell(c).setCellValue(COLUMNS.get(c).en());
                en.getCell(c).setCellStyle(header);
                sheet.setColumnWidth(c, 18 * 256);
            }
            sheet.createFreezePane(0, 2);
            int r = 2;
            for (List<FollowUpItem> batch = lists.nextBatch(q, rows); !batch.isEmpty(); batch = lists.nextBatch(q, rows)) {
                for (FollowUpItem item : batch) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < COLUMNS.size(); c++) {
                        String value = COLUMNS.get(c).value().apply(item);
                        if (value != null) {
                            row.createCell(c).setCellValue(value);
                        }
                    }
                }
            }
            // the filter's buttons on the English header, over every row
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, r - 1), 0, COLUMNS.size() - 1));
            book.write(out);
        }
        out.flush();
    }

    private static String evidence(Evidence e) {
        String note = e.note() == null ? e.kind() : e.note();
        return e.documentRef() == null ? note : note + " (" + e.documentRef() + ")";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
