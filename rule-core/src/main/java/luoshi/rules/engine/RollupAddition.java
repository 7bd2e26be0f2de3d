package luoshi.rules.engine;

import java.time.LocalDate;
import luoshi.api.compliance.ServiceRollup;

/**
 * What a service adds to its rollups besides the counts of its items, computed in SQL over the same subtree and kept
 * with them by data version ({@link ComplianceAnswers}): review-service's rectifications (API.md, "Rectification"). A
 * service declares it as a bean; rule-core finds every one.
 */
public interface RollupAddition {

    /** {@code rollup} of {@code root}'s subtree for {@code year} on {@code day}, with what this addition counts. */
    ServiceRollup addTo(ServiceRollup rollup, String root, int year, LocalDate day);
}
