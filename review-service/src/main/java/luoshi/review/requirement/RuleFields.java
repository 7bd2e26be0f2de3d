package luoshi.review.requirement;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading a rule object's fields. */
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
}
