package luoshi.funding.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import luoshi.api.common.Money;
import luoshi.api.common.Violation;
import luoshi.api.funding.FundingCategory;

/**
 * FUNDING_MIN_AMOUNT: the funding of one category in a fiscal year sums to at least
 * {@code minAmount} (SHAOXING-2015 item 21: 确保各乡镇（街道）每年不少于2万元共青团工作经费).
 */
@ApplicationScoped
public class FundingMinAmount implements FundingRuleType {

    @Override
    public String name() {
        return "FUNDING_MIN_AMOUNT";
    }

    @Override
    public String threshold() {
        return "minAmount";
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        return RuleParameters.checkCategoryAndPositive(rule, "minAmount");
    }

    @Override
    public Verdict judge(ObjectNode rule, BigDecimal minAmount, RegionFacts facts) {
        FundingCategory category = RuleParameters.category(rule);
        BigDecimal sum = facts.sum(category);
        return new Verdict(false, sum.compareTo(minAmount) >= 0, Money.Amounts.format(minAmount),
                Money.Amounts.format(sum), facts.fundingEvidence(category));
    }

    @Override
    public SubtreeSql subtreeSql(ObjectNode rule, String thresholdSql, int year, String factsPattern) {
        return new SubtreeSql(FundingSql.fundingSumJoin(RuleParameters.category(rule), year, factsPattern), "FALSE",
                "COALESCE(f.total, 0) >= " + thresholdSql);
    }
}
