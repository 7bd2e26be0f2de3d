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
}
