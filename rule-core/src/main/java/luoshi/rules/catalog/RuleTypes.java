package luoshi.rules.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import luoshi.api.common.Violation;
import luoshi.api.requirement.RuleTypeDeclaration;
import luoshi.rules.spi.Adjustable;
import luoshi.rules.spi.RuleReader;
import luoshi.rules.spi.RuleReader.Parsed;
import luoshi.rules.spi.RuleType;

/**
 * The rule types this service evaluates: its {@link RuleType} beans, found by CDI, nothing to register. Each is
 * checked when the service starts (its example is valid and of its own type, its threshold is adjustable), so that a
 * mistake in a new type stops the service instead of a request. The catalog accepts requirements of these types only,
 * and declares them ({@code GET /api/v1/rule-types}).
 */
@ApplicationScoped
public class RuleTypes {

    private final Map<String, RuleType<?>> byName = new TreeMap<>();
    private final String owner;

    RuleTypes(Instance<RuleType<?>> types, RulesConfig config) {
        for (RuleType<?> type : types) {
            if (byName.put(type.name(), check(type)) != null) {
                throw new IllegalStateException("two rule types are named " + type.name());
            }
        }
        this.owner = config.owner();
    }

    private static RuleType<?> check(RuleType<?> type) {
        if (type.threshold() != null && !type.adjustable().containsKey(type.threshold())) {
            throw new IllegalStateException(type.name() + ": the threshold " + type.threshold() + " is not adjustable");
        }
        ObjectNode example = type.example();
        Parsed<?> parsed = RuleReader.parse(type, example);
        if (!type.name().equals(typeName(example)) || !parsed.valid()) {
            throw new IllegalStateException(type.name() + ": the example " + example + " is not a valid rule of it: "
                    + parsed.violations());
        }
        return type;
    }

    /** The service these types belong to ({@code luoshi.rules.owner}). */
    public String owner() {
        return owner;
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** The type a rule object names; empty when this service evaluates none of that name. */
    public Optional<RuleType<?>> find(ObjectNode rule) {
        return Optional.ofNullable(byName.get(typeName(rule)));
    }

    /** The {@code type} a rule object names ("" when none). */
    public static String typeName(ObjectNode rule) {
        return rule.path("type").asText("");
    }

    /** The violations of a whole rule object: a type this service does not evaluate, or the type's own. */
    public List<Violation> violations(ObjectNode rule) {
        Optional<RuleType<?>> type = find(rule);
        if (type.isEmpty()) {
            String name = typeName(rule);
            return List.of(new Violation("rule.type", name.isEmpty() ? "is required"
                    : "unknown rule type " + name + " here; this service evaluates " + List.copyOf(names())));
        }
        return RuleReader.parse(type.get(), rule).violations();
    }

    /** The rule object read by its type; empty when this service has no such type or the rule is not valid. */
    public Optional<TypedRule<?>> typed(ObjectNode rule) {
        return find(rule).flatMap(type -> typed(type, rule));
    }

    private static <P> Optional<TypedRule<?>> typed(RuleType<P> type, ObjectNode rule) {
        Parsed<P> parsed = RuleReader.parse(type, rule);
        return parsed.valid() ? Optional.of(new TypedRule<>(type, parsed.parameters())) : Optional.empty();
    }

    /** The adjustable parameters of the type a rule names (none when this service has no such type). */
    public Map<String, Adjustable> adjustable(ObjectNode rule) {
        return find(rule).<Map<String, Adjustable>>map(RuleType::adjustable).orElse(Map.of());
    }

    /**
     * The value of adjustable parameter {@code name} in {@code node}, within its bounds; empty when it is not set, not
     * adjustable or outside the bounds (a value stored before the bounds existed counts as not set).
     */
    public Optional<BigDecimal> value(ObjectNode rule, String name, JsonNode node) {
        Adjustable a = adjustable(rule).get(name);
        return a == null ? Optional.empty() : a.bounds().read(node);
    }

    /** What this service declares about each of its types, by name. */
    public List<RuleTypeDeclaration> declarations() {
        return byName.values().stream().map(t -> new RuleTypeDeclaration(t.name(), owner, t.example(),
                t.adjustable().keySet().stream().sorted().toList(), t.threshold())).toList();
    }
}
