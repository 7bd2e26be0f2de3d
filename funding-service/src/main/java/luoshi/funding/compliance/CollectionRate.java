package luoshi.funding.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import luoshi.api.common.Money;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Evidence;

/**
 * COLLECTION_RATE: union fees collected ÷ due ≥ {@code minRate} (CENTRAL-2015 §10: 依法足额收缴工会经费;
 * SHAOXING-2015 item 21: 全面落实工会经费税务代收). Expected is the amount to collect, minRate × due
 * rounded up to the cent (so "collected ≥ expected" is exactly "collected ÷ due ≥ minRate");
 * actual the amount collected. Without union fees due for the year (no row, or 0 due): NO_DATA.
 */
@ApplicationScoped
public class CollectionRate implements FundingRuleType {

    private static final BigDecimal FULL = BigDecimal.ONE;

    @Override
    public String name() {
        return "COLLECTION_RATE";
    }

    @Override
    public String threshold() {
        return "minRate";
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        return RuleParameters.checkPositive(rule, "minRate", FULL);
    }

    @Override
    public Verdict judge(ObjectNode rule, BigDecimal minRate, RegionFacts facts) {
        if (facts.unionFees().isEmpty() || facts.unionFees().get().due().signum() == 0) {
            return new Verdict(true, false, null, null, List.of());
        }
        RegionFacts.Fees fees = facts.unionFees().get();
        BigDecimal expected = minRate.multiply(fees.due()).setScale(Money.Amounts.SCALE, RoundingMode.CEILING);
        Evidence evidence = new Evidence("UNION_FEES", facts.regionCode() + "/" + facts.year(), null,
                "due " + Money.Amounts.format(fees.due()) + ", collected " + Money.Amounts.format(fees.collected()));
        return new Verdict(false, fees.collected().compareTo(expected) >= 0, Money.Amounts.format(expected),
                Money.Amounts.format(fees.collected()), List.of(evidence));
    }

    @Override
    public SubtreeSql subtreeSql(ObjectNode rule, String thresholdSql, int year, String factsPattern) {
        return new SubtreeSql("LEFT JOIN union_fee u ON u.region_code = g.code AND u.year = " + year,
                "u.region_code IS NULL OR u.due = 0", "u.collected >= (" + thresholdSql + ") * u.due");
    }
}
