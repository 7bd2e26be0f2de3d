package luoshi.funding;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import luoshi.testing.RuleTypeChecks;

/** The rule types this service declares, and the bounds of their thresholds. */
@QuarkusTest
class RuleTypesTest extends RuleTypeChecks {

    RuleTypesTest() {
        super("funding", List.of("COLLECTION_RATE", "FUNDING_MIN_AMOUNT", "FUNDING_PER_CAPITA"));
    }
}
