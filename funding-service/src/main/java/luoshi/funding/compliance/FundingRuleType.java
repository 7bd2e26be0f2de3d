package luoshi.funding.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.Evidence;
import luoshi.rules.RuleType;
import luoshi.rules.Strictness;

/**
 * A rule type funding-service evaluates, twice over the same definition: for one region in Java,
 * with the evidence an inspector checks by hand, and for a whole subtree in SQL, for the rollups.
 * Its one adjustable parameter is the {@link #threshold()}.
 */
public interface FundingRuleType extends RuleType {

    /** The adjustable parameter that sets the bar: minAmount, perCapita, minRate. */
    String threshold();

    /** A jurisdiction may only raise the bar (不少于: "at least"; lower levels may only add). */
    @Override
    default Map<String, Strictness> adjustable() {
        return Map.of(threshold(), Strictness.HIGHER);
    }

    /** The verdict for one region and year, the threshold in force given. */
    Verdict judge(ObjectNode rule, BigDecimal threshold, RegionFacts facts);

    /**
     * The same verdict in SQL for every region {@code g} of a subtree: joins (aliases of its own)
     * and the conditions for NO_DATA and for "met", given the SQL of the threshold in force; the
     * facts joined need only cover {@code region_code LIKE factsPattern}: the subtree and the issuer's, narrowed
     * by {@link SubtreeStatusSql#factsPattern} (a validated code prefix, safe to inline).
     */
    SubtreeSql subtreeSql(ObjectNode rule, String thresholdSql, int year, String factsPattern);

    /** {@code noData}: a fact the rule needs is missing. {@code met} counts only when there is data. */
    record Verdict(boolean noData, boolean met, String expected, String actual, List<Evidence> evidence) {
    }

    record SubtreeSql(String joins, String noData, String met) {
    }
}
