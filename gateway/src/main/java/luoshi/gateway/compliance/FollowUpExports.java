package luoshi.gateway.compliance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import luoshi.api.compliance.Evidence;
import luoshi.api.compliance.FollowUpItem;
import org.apache.poi.ss.usermodel.Cell;
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

    /** One column: its Chinese and English header, its text in a row, and whether it is an amount ({@link #amount}). */
    record Column(String zh, String en, Function<FollowUpItem, String> value, boolean amount) {
        Column(String zh, String en, Function<FollowUpItem, String> value) {
            this(zh, en, value, false);
        }
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
            new Column("应达", "Expected", FollowUpItem::expected, true),
            new Column("实际", "Actual", FollowUpItem::actual, true),
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
        try (SXSSFWorkbook book = workbook()) {
            itemSheet(book, SHEET, lists, q, rows);
            book.write(out);
        }
        out.flush();
    }

    /**
     * A streaming workbook keeping {@link #WINDOW} rows of each sheet in memory, the rest compressed on disk
     * ({@link StreamedWorkbook}: at the fastest level, as its zip).
     */
    static SXSSFWorkbook workbook() {
        return new StreamedWorkbook(WINDOW);
    }

    /** A sheet of every row of the list, as {@link #xlsx} writes it (the XLSX report's items too). */
    static void itemSheet(SXSSFWorkbook book, String name, FollowUpLists lists, FollowUpLists.Question q,
            FollowUpLists.Rows rows) {
        Sheet sheet = new Sheet(book, name, COLUMNS.stream().map(Column::zh).toList(),
                COLUMNS.stream().map(Column::en).toList());
        for (List<FollowUpItem> batch = lists.nextBatch(q, rows); !batch.isEmpty(); batch = lists.nextBatch(q, rows)) {
            for (FollowUpItem item : batch) {
                sheet.row(COLUMNS.stream().map(c -> c.amount() ? amount(c.value().apply(item))
                        : (Object) c.value().apply(item)).toList());
            }
        }
        sheet.filter();
    }

    /**
     * A sheet written top to bottom: two bold header rows (Chinese, English beneath), frozen, then the rows, and a filter
     * on the English header over every row. A {@link Number} is a number cell, a {@link Formatted} one a number in its
     * format (money: {@link #amount}), anything else text.
     */
    static final class Sheet {

        private final SXSSFSheet sheet;
        private final int columns;
        private final Map<String, CellStyle> formats = new HashMap<>();
        /**
         * The workbook's default style, set on every cell that has no other: a cell without a style asks its column's
         * at every write, through XMLBeans (a quarter of the gateway's time on the country's report), for the same 0.
         */
        private final CellStyle plain;
        private int next;

        Sheet(SXSSFWorkbook book, String name, List<String> zh, List<String> en) {
            this.sheet = book.createSheet(name);
            this.columns = zh.size();
            this.plain = book.getCellStyleAt(0);
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            for (int r = 0; r < 2; r++) {
                Row row = sheet.createRow(r);
                List<String> texts = r == 0 ? zh : en;
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellValue(texts.get(c));
                    row.getCell(c).setCellStyle(header);
                }
            }
            for (int c = 0; c < columns; c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            sheet.createFreezePane(0, 2);
            this.next = 2;
        }

        /** The next row: a value per column, null for an empty cell. */
        void row(List<Object> values) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                cell.setCellStyle(plain);
                if (value instanceof Formatted f) {
                    if (f.value() != null) {
                        cell.setCellValue(f.value().doubleValue());
                        cell.setCellStyle(formats.computeIfAbsent(f.format(), this::style));
                    }
                } else if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }

        private CellStyle style(String format) {
            CellStyle style = sheet.getWorkbook().createCellStyle();
            style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat(format));
            return style;
        }

        /** The filter's buttons on the English header, over every row. */
        void filter() {
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, next - 1), 0, columns - 1));
        }
    }

    private static final Pattern MONEY = Pattern.compile("-?\\d{1,13}\\.\\d{2}");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,15}");

    /**
     * An expected or actual value as a cell: money (two decimals, as on the wire: {@code Money}) a number formatted
     * {@code 0.00}, a count a whole number, anything else (a date, a text) as it is.
     */
    static Object amount(String value) {
        if (value == null) {
            return null;
        }
        if (MONEY.matcher(value).matches()) {
            return new Formatted(new BigDecimal(value), "0.00");
        }
        return WHOLE.matcher(value).matches() ? Long.valueOf(value) : value;
    }

    /** A number shown in an Excel format ({@code "0.0"}, {@code "0.00%"}); an empty cell when null. */
    record Formatted(Number value, String format) {
    }

    /** The text of a row's column named {@code en} in English, as the files write it. */
    static String text(FollowUpItem item, String en) {
        return COLUMNS.stream().filter(c -> c.en().equals(en)).findFirst().orElseThrow().value().apply(item);
    }

    private static String evidence(Evidence e) {
        String note = e.note() == null ? e.kind() : e.note();
        return e.documentRef() == null ? note : note + " (" + e.documentRef() + ")";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
