package luoshi.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Bulk;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The XLSX template of a batch (API.md, "Calls added within version 1": {@code GET …/batch/template}): on its first sheet
 * the header lines {@link XlsxReader} reads (the Chinese titles, then the column names, frozen), the columns formatted as
 * they are read (region codes and texts as text, money with two decimals, dates as dates), the allowed values of a
 * choice as a list; on a second sheet what each column takes. Filled in and sent back, it is a batch. A few kilobytes,
 * written with POI.
 */
public final class XlsxTemplate {

    /** The name of the sheet describing the columns. */
    public static final String NOTES = "说明 notes";

    private XlsxTemplate() {
    }

    /** The template of {@code columns}, as the answer of a template endpoint (an attachment named after the sheet). */
    public static RestResponse<byte[]> answer(Columns columns) {
        return RestResponse.ResponseBuilder.ok(of(columns), Bulk.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + columns.sheet() + "-template.xlsx\"").build();
    }

    /** The bytes of the template of {@code columns}. */
    public static byte[] of(Columns columns) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle title = workbook.createCellStyle();
            title.setFont(bold);
            Sheet rows = workbook.createSheet(columns.sheet());
            org.apache.poi.ss.usermodel.Row titles = rows.createRow(0);
            org.apache.poi.ss.usermodel.Row names = rows.createRow(1);
            DataValidationHelper validations = rows.getDataValidationHelper();
            for (int i = 0; i < columns.all().size(); i++) {
                Columns.Column c = columns.all().get(i);
                titles.createCell(i).setCellValue(c.title());
                titles.getCell(i).setCellStyle(title);
                names.createCell(i).setCellValue(c.name());
                names.getCell(i).setCellStyle(title);
                CellStyle format = workbook.createCellStyle();
                format.setDataFormat(workbook.createDataFormat().getFormat(switch (c.kind()) {
                    case WHOLE -> "0";
                    case MONEY -> "0.00";
                    case DATE -> "yyyy-mm-dd";
                    case TEXT, CHOICE -> "@";
                }));
                rows.setDefaultColumnStyle(i, format);
                rows.setColumnWidth(i, 256 * Math.max(14, Math.max(c.name().length(), c.title().length() * 2) + 2));
                if (c.kind() == Columns.Kind.CHOICE) {
                    DataValidation list = validations.createValidation(
                            validations.createExplicitListConstraint(c.choices().toArray(String[]::new)),
                            new CellRangeAddressList(2, BatchResult.MAX_ROWS + 1, i, i));
                    list.setShowErrorBox(true);
                    rows.addValidationData(list);
                }
            }
            rows.createFreezePane(0, 2);
            notes(workbook, columns, title);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void notes(XSSFWorkbook workbook, Columns columns, CellStyle title) {
        Sheet notes = workbook.createSheet(NOTES);
        String[] heads = {"列 column", "名称 name", "中文 title", "必填 required", "说明 what it takes"};
        org.apache.poi.ss.usermodel.Row head = notes.createRow(0);
        for (int i = 0; i < heads.length; i++) {
            head.createCell(i).setCellValue(heads[i]);
            head.getCell(i).setCellStyle(title);
        }
        for (int i = 0; i < columns.all().size(); i++) {
            Columns.Column c = columns.all().get(i);
            org.apache.poi.ss.usermodel.Row row = notes.createRow(i + 1);
            row.createCell(0).setCellValue(CellReference.convertNumToColString(i));
            row.createCell(1).setCellValue(c.name());
            row.createCell(2).setCellValue(c.title());
            row.createCell(3).setCellValue(c.required() ? "是 yes" : "否 no");
            row.createCell(4).setCellValue(c.note() + (c.choices().isEmpty() ? "" : " " + String.join(", ", c.choices())));
        }
        org.apache.poi.ss.usermodel.Row last = notes.createRow(columns.all().size() + 2);
        last.createCell(0).setCellValue("第一张工作表的前两行是表头，从第三行起每行一条记录，至多 10,000 行；全部有效才导入。"
                + " The first sheet is read: two header lines, then one record a row, at most 10,000 rows; all or nothing.");
        for (int i = 0; i < heads.length; i++) {
            notes.setColumnWidth(i, 256 * (i == 4 ? 80 : 18));
        }
    }
}
