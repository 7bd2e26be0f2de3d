package luoshi.org;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import luoshi.testing.RuleTypeChecks;

/** The rule types this service declares, and the bounds of their thresholds. */
@QuarkusTest
class RuleTypesTest extends RuleTypeChecks {

    RuleTypesTest() {
        super("org", List.of("LEADER_EMPLOYMENT", "LEADER_SHARE", "ORGANIZATION_COVERAGE"));
    }
}
