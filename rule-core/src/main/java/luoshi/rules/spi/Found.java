package luoshi.rules.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.RequirementPeriod;

/**
 * One item as the framework evaluated it, for its texts and evidence: the region, the period (its facts count from
 * {@code periodStart} to {@code knownOn}; a state is judged on {@code knownOn}), the parameters in force for the
 * region (the issuer's version made stricter by the jurisdictions' settings) and the numbers of {@link Measure}.
 */
public record Found<P>(String regionCode, P rule, RequirementPeriod kind, ComplianceStatus status,
        LocalDate periodStart, LocalDate periodEnd, LocalDate knownOn, BigDecimal actual, BigDecimal expected,
        BigDecimal base) {
}
