package luoshi.funding.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.common.Money;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Evidence;
import luoshi.api.funding.FundingCategory;

/**
 * FUNDING_PER_CAPITA: the funding of one category in a year is at least {@code perCapita} × the
 * region's total population of that year (SHAOXING-2015 item 21: 按人均一元钱标准增拨妇女工作经费).
 * Without a population row for the year: NO_DATA.
 */
@ApplicationScoped
public class FundingPerCapita implements FundingRuleType {

    @Override
    public String name() {
        return "FUNDING_PER_CAPITA";
    }

    @Override
    public String threshold() {
        return "perCapita";
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        return RuleParameters.checkCategoryAndPositive(rule, "perCapita");
    }

    @Override
    public Verdict judge(ObjectNode rule, BigDecimal perCapita, RegionFacts facts) {
        FundingCategory category = RuleParameters.category(rule);
        BigDecimal sum = facts.sum(category);
        List<Evidence> evidence = new ArrayList<>(facts.fundingEvidence(category));
        if (facts.population().isEmpty()) {
            return new Verdict(true, false, null, Money.Amounts.format(sum), evidence);
        }
        long total = facts.population().get().total();
        BigDecimal expected = perCapita.multiply(BigDecimal.valueOf(total));
        evidence.add(new Evidence("POPULATION", facts.regionCode() + "/" + facts.year(), null, "total " + total));
        return new Verdict(false, sum.compareTo(expected) >= 0, Money.Amounts.format(expected), Money.Amounts.format(sum),
                evidence);
    }

    @Override
    public SubtreeSql subtreeSql(ObjectNode rule, String thresholdSql, int year, String factsPattern) {
        return new SubtreeSql(FundingSql.fundingSumJoin(RuleParameters.category(rule), year, factsPattern)
                + " LEFT JOIN population p ON p.region_code = g.code AND p.year = " + year,
                "p.region_code IS NULL", "COALESCE(f.total, 0) >= (" + thresholdSql + ") * p.total");
    }
}
