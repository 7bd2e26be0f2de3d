package luoshi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import luoshi.api.common.Problem;
import luoshi.api.common.Violation;
import org.junit.jupiter.api.Test;

/** The Chinese problem keeps what is not text: the field, the XLSX cell of each violation, the status, the ETag. */
class ProblemLanguageTest {

    @Test
    void aChineseProblemKeepsEachViolationsFieldAndCell() {
        Problem english = new Problem("about:blank", "Bad Request", 400, "2 invalid fields", "/api/v1/funding/batch",
                List.of(new Violation("[2].amount", "must not be null", "funding!D4"),
                        new Violation("[3].year", "must not be null")), null);

        Problem chinese = ProblemLanguage.chinese(english);

        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.title()).isNotEqualTo("Bad Request");
        assertThat(chinese.violations()).extracting(Violation::field).containsExactly("[2].amount", "[3].year");
        assertThat(chinese.violations()).extracting(Violation::cell).containsExactly("funding!D4", null);
    }

    /** The gateway's PDF report without its font (ComplianceReports.loadFont): the setting and the path carried over. */
    @Test
    void aMissingFontIsSaidInChineseNamingTheSettingAndThePath() {
        Problem english = Problem.of(503, "Service Unavailable", "The PDF report needs a CJK font: the setting "
                + "luoshi.reports.cjk-font names /nonexistent/wqy-zenhei.ttc, where there is no readable file (install "
                + "Debian's fonts-wqy-zenhei, or name a TrueType or OpenType font).");

        Problem chinese = ProblemLanguage.chinese(english);

        assertThat(chinese.status()).isEqualTo(503);
        assertThat(chinese.detail()).isEqualTo("PDF 报告需要中日韩字体：设置 luoshi.reports.cjk-font 指向 "
                + "/nonexistent/wqy-zenhei.ttc，该处没有可读的文件（请安装 Debian 的 fonts-wqy-zenhei，或指定一个 TrueType 或 "
                + "OpenType 字体）。");
    }
}
