package luoshi.rules.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Violation;

/**
 * A rule object as a rule type's {@link RuleType#parse} reads it: each parameter once, typed, every one that is
 * missing or invalid named {@code rule.<parameter>}. A getter that finds a violation records it and answers null (or
 * an empty list, or 0); the framework then refuses the rule with every violation at once and ignores the record.
 */
public final class RuleReader {

    private final ObjectNode rule;
    private final Map<String, Adjustable> adjustable;
    private final List<Violation> violations = new ArrayList<>();

    private RuleReader(ObjectNode rule, Map<String, Adjustable> adjustable) {
        this.rule = rule;
        this.adjustable = adjustable;
    }

    /** A type's parameters read from {@code rule}, or the violations that keep it from being read. */
    public record Parsed<P>(P parameters, List<Violation> violations) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /** Reads {@code rule} with {@code type}'s {@link RuleType#parse}. */
    public static <P> Parsed<P> parse(RuleType<P> type, ObjectNode rule) {
        RuleReader reader = new RuleReader(rule, type.adjustable());
        P parameters = type.parse(reader);
        return reader.violations.isEmpty() ? new Parsed<>(parameters, List.of())
                : new Parsed<>(null, List.copyOf(reader.violations));
    }

    /** A rule object of {@code type} with no parameters yet: the start of a type's {@link RuleType#example()}. */
    public static ObjectNode object(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    /** The constant of {@code type} that parameter {@code name} names. */
    public <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        E value = constant(rule.get(name), type);
        if (value == null) {
            refuse(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
        return value;
    }

    /** Parameter {@code name}: a list of at least one constant of {@code type}. */
    public <E extends Enum<E>> List<E> listOf(String name, Class<E> type) {
        JsonNode list = rule.get(name);
        if (list == null || !list.isArray() || list.isEmpty()) {
            refuse(name, "must list at least one of " + Arrays.toString(type.getEnumConstants()));
            return List.of();
        }
        List<E> values = new ArrayList<>();
        for (JsonNode item : list) {
            E value = constant(item, type);
            if (value == null) {
                refuse(name, "'" + item.asText() + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            } else {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /** Adjustable parameter {@code name}, required, within its {@link Adjustable#bounds()}. */
    public BigDecimal decimal(String name) {
        BigDecimal value = optionalDecimal(name);
        if (value == null && !present(name)) {
            refuse(name, "is required: " + bounds(name).says());
        }
        return value;
    }

    /**
     * Adjustable parameter {@code name} within its bounds, or null when the rule leaves it out (a number the seeds
     * leave to the jurisdictions).
     */
    public BigDecimal optionalDecimal(String name) {
        Bounds bounds = bounds(name);
        if (!present(name)) {
            return null;
        }
        BigDecimal value = bounds.read(rule.get(name)).orElse(null);
        if (value == null) {
            refuse(name, "must be " + bounds.says());
        }
        return value;
    }

    /** Adjustable parameter {@code name}, a count (bounds of {@link Bounds#count}), required; 0 when invalid. */
    public int count(String name) {
        BigDecimal value = decimal(name);
        return value == null ? 0 : value.intValueExact();
    }

    /** Parameter {@code name} must be {@code value} (a flag the type knows one value of). */
    public void exactly(String name, String value) {
        if (!value.equals(rule.path(name).asText())) {
            refuse(name, "must be " + value);
        }
    }

    /** Records a violation of parameter {@code name}, for a check of the type's own. */
    public void refuse(String name, String message) {
        violations.add(new Violation("rule." + name, message));
    }

    private boolean present(String name) {
        return rule.hasNonNull(name);
    }

    private Bounds bounds(String name) {
        Adjustable a = adjustable.get(name);
        if (a == null) {
            throw new IllegalArgumentException(name + " is not an adjustable parameter of this rule type");
        }
        return a.bounds();
    }

    private static <E extends Enum<E>> E constant(JsonNode node, Class<E> type) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(node.asText())).findFirst().orElse(null);
    }
}
