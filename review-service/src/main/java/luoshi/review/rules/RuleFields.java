package luoshi.review.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Reading the fields of review-service's rule objects, and showing their counts. */
final class RuleFields {

    private RuleFields() {
    }

    /** The enum constant named by {@code rule.field}, or null when it names none. */
    static <E extends Enum<E>> E enumValue(ObjectNode rule, String field, Class<E> type) {
        try {
            return Enum.valueOf(type, rule.path(field).asText(""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A JSON number without a fraction (1, 2.0), not a string. */
    static boolean isWholeNumber(JsonNode n) {
        return n.canConvertToInt() && !n.isTextual() && !(n.isFloatingPointNumber() && n.asDouble() != n.asInt());
    }

    /** A count as an item shows it: "2". */
    static String count(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }
}
