package luoshi.review.rules;

import java.math.BigDecimal;

/** How review-service's rule types show their counts. */
final class RuleFields {

    private RuleFields() {
    }

    /** A count as an item shows it: "2". */
    static String count(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }
}
