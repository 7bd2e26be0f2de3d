package luoshi.funding.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import luoshi.api.common.Violation;
import luoshi.api.funding.FundingCategory;
import luoshi.rules.Catalog;

/** Reading and checking the parameters of a funding rule object. */
final class RuleParameters {

    private RuleParameters() {
    }

    /** A decimal parameter given as a string or a number; empty when absent or unreadable. */
    static Optional<BigDecimal> decimal(ObjectNode rule, String name) {
        return Catalog.decimal(rule.get(name));
    }

    static BigDecimal required(ObjectNode rule, String name) {
        return decimal(rule, name).orElseThrow(() -> new IllegalStateException("rule without " + name + ": " + rule));
    }

    static FundingCategory category(ObjectNode rule) {
        return FundingCategory.valueOf(rule.path("category").asText());
    }

    /** {@code rule.<name>}: an amount above 0 with at most two decimals (and at most {@code max} when given). */
    static List<Violation> checkPositive(ObjectNode rule, String name, BigDecimal max) {
        Optional<BigDecimal> v = decimal(rule, name);
        if (v.isEmpty() || v.get().signum() <= 0 || v.get().stripTrailingZeros().scale() > 2
                || v.get().precision() - v.get().scale() > 13 || max != null && v.get().compareTo(max) > 0) {
            return List.of(new Violation("rule." + name, "must be a number above 0 with at most two decimals"
                    + (max == null ? "" : ", at most " + max.toPlainString())));
        }
        return List.of();
    }

    /** A rule on the funding of a category: {@code rule.category} and a positive {@code rule.<name>}. */
    static List<Violation> checkCategoryAndPositive(ObjectNode rule, String name) {
        List<Violation> v = new java.util.ArrayList<>(checkCategory(rule));
        v.addAll(checkPositive(rule, name, null));
        return v;
    }

    /** {@code rule.category}: one of the funding categories. */
    static List<Violation> checkCategory(ObjectNode rule) {
        String c = rule.path("category").asText("");
        if (Arrays.stream(FundingCategory.values()).noneMatch(v -> v.name().equals(c))) {
            return List.of(new Violation("rule.category", "must be one of " + Arrays.toString(FundingCategory.values())));
        }
        return List.of();
    }
}
