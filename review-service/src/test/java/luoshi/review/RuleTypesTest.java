package luoshi.review;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import luoshi.testing.RuleTypeChecks;

/** The rule types this service declares, and the bounds of their thresholds. */
@QuarkusTest
class RuleTypesTest extends RuleTypeChecks {

    RuleTypesTest() {
        super("review", List.of("DOCUMENT_SUBMITTED", "MEETING_COUNT", "SATISFACTION_RATE"));
    }
}
