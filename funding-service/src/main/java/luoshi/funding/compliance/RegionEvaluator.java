package luoshi.funding.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Requirement;
import luoshi.rules.Catalog;

/** Evaluates funding-service's requirements for one region and year, with evidence (REQUIREMENTS.md, Statuses). */
@ApplicationScoped
public class RegionEvaluator {

    private final FundingRequirements requirements;

    RegionEvaluator(FundingRequirements requirements) {
        this.requirements = requirements;
    }

    public List<ComplianceItem> evaluate(Catalog catalog, String regionCode, int year, LocalDate asOf, RegionFacts facts) {
        return requirements.all(catalog).stream().map(r -> evaluate(catalog, r, regionCode, year, asOf, facts)).toList();
    }

    ComplianceItem evaluate(Catalog catalog, Requirement r, String regionCode, int year, LocalDate asOf, RegionFacts facts) {
        FundingRequirements.Period period = FundingRequirements.period(r, year);
        FundingRuleType type = requirements.typeOf(r);
        if (!catalog.applies(r, regionCode)) {
            return notApplicable(r, period);
        }
        ObjectNode rule = catalog.effectiveRule(r, regionCode);
        Optional<BigDecimal> threshold = RuleParameters.decimal(rule, type.threshold());
        if (threshold.isEmpty()) {
            return notApplicable(r, period);   // no threshold set: nothing to measure against
        }
        FundingRuleType.Verdict v = type.judge(rule, threshold.get(), facts);
        ComplianceStatus status = v.noData() ? ComplianceStatus.NO_DATA
                : ComplianceStatus.decide(v.met(), period.due(), asOf);
        return new ComplianceItem(r.id(), status, period.start(), period.end(), period.due(), v.expected(), v.actual(),
                v.evidence());
    }

    private static ComplianceItem notApplicable(Requirement r, FundingRequirements.Period period) {
        return new ComplianceItem(r.id(), ComplianceStatus.NOT_APPLICABLE, period.start(), period.end(), period.due(),
                null, null, List.of());
    }
}
