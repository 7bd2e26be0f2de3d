package luoshi.gateway.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The exports' workbook writes what POI's own does: its text escaped to the same characters, and every row past the
 * window (in its temporary file at the fastest level) read back.
 */
class StreamedWorkbookTest {

    static final List<String> TEXTS = List.of("", "plain", "乡镇（街道）群团组织主要负责人专职配备", "a<b>c&d\"e'f",
            "line\nbreak\r\ttab\u00A0nbsp", "\u0001\u001Fcontrol\uFFFE\uFFFF", "𠀀 supplementary 😀", "lone \uD800 surrogate",
            " leading and trailing ", "&&&<<<>>>", "<", "end&");

    @Test
    void textIsEscapedAsPoiEscapesIt() throws IOException {
        for (String text : TEXTS) {
            StringWriter out = new StringWriter();
            StreamedWorkbook.escape(text, out);
            assertThat(out.toString()).as(text).isEqualTo(poi(text));
        }
    }

    @Test
    void rowsPastTheWindowAreWrittenAndReadBack() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StreamedWorkbook book = new StreamedWorkbook(10)) {
            Sheet sheet = book.createSheet("事项");
            for (int r = 0; r < 1000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(TEXTS.get(r % TEXTS.size()).replace("\uD800", ""));
                row.createCell(1).setCellValue(r);
            }
            book.write(out);
        }
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = read.getSheet("事项");
            assertThat(sheet.getLastRowNum()).isEqualTo(999);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(TEXTS.get(2));
            assertThat(sheet.getRow(999).getCell(1).getNumericCellValue()).isEqualTo(999);
        }
    }

    /** {@code text} as POI's own writer escapes it. */
    private static String poi(String text) throws IOException {
        StringWriter out = new StringWriter();
        new SheetDataWriter(out) {
            {
                outputEscapedString(text);
                _out.flush();
            }
        };
        return out.toString();
    }
}
