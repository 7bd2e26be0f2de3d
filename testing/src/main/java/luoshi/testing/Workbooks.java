package luoshi.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * XLSX workbooks for the tests of the XLSX batches (API.md, "Reports"), written with POI as a spreadsheet program saves
 * them: a {@link Number} as a number cell (111.1 as the double 111.1), a {@link LocalDate} as a date cell, anything else
 * as text; and the hostile ones: a zip bomb, more rows than a batch holds.
 */
public final class Workbooks {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Workbooks() {
    }

    /** A workbook of one sheet {@code sheet} holding {@code rows} from its first row (null: an empty cell). */
    public static byte[] of(String sheet, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet s = workbook.createSheet(sheet);
            for (int r = 0; r < rows.size(); r++) {
                fill(workbook, s.createRow(r), rows.get(r));
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** {@code workbook} (a template) with {@code rows} written below its last row, on its first sheet. */
    public static byte[] filledIn(byte[] template, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = open(template)) {
            Sheet s = workbook.getSheetAt(0);
            int first = s.getLastRowNum() + 1;
            for (int r = 0; r < rows.size(); r++) {
                fill(workbook, s.createRow(first + r), rows.get(r));
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook read whole, to look at a small one (a template). */
    public static XSSFWorkbook open(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A header row, then {@code count} rows made by {@code row}, written as a stream (POI's SXSSF). */
    public static byte[] rows(String sheet, List<Object> header, int count, IntFunction<List<Object>> row) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet s = workbook.createSheet(sheet);
            fill(workbook, s.createRow(0), header);
            for (int r = 0; r < count; r++) {
                fill(workbook, s.createRow(r + 1), row.apply(r));
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code xlsx} with its first sheet's XML padded by {@code spaces} blanks before its end: a sheet that holds what it
     * held, compressed about a thousandfold (a zip bomb, once large).
     */
    public static byte[] padded(byte[] xlsx, long spaces) {
        return withFirstSheet(xlsx, (xml, out) -> {
            int end = xml.lastIndexOf("</worksheet>");
            out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
            byte[] blank = new byte[1 << 16];
            Arrays.fill(blank, (byte) ' ');
            for (long left = spaces; left > 0; left -= blank.length) {
                out.write(blank, 0, (int) Math.min(blank.length, left));
            }
            out.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * {@code xlsx} with the number cell that holds {@code written} on its first sheet holding {@code raw} instead, as
     * another program could write it ({@code 1E-3000}, {@code 1E+400}: numbers no spreadsheet program would show, and
     * POI cannot write).
     */
    public static byte[] withRawNumber(byte[] xlsx, double written, String raw) {
        return withFirstSheet(xlsx, (xml, out) -> {
            String cell = "<v>" + (written == Math.rint(written) ? Long.toString((long) written) : Double.toString(written))
                    + "</v>";
            if (!xml.contains(cell)) {
                throw new IllegalArgumentException("no cell holds " + cell);
            }
            out.write(xml.replace(cell, "<v>" + raw + "</v>").getBytes(StandardCharsets.UTF_8));
        });
    }

    private interface SheetWriter {
        void write(String xml, OutputStream out) throws IOException;
    }

    private static byte[] withFirstSheet(byte[] xlsx, SheetWriter sheet) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.write(new String(in.readAllBytes(), StandardCharsets.UTF_8), out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Workbook workbook, Row row, List<Object> cells) {
        CellStyle date = null;
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                if (date == null) {
                    date = workbook.createCellStyle();
                    date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
                }
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }

    private static byte[] bytes(Workbook workbook) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
