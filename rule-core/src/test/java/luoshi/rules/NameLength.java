package luoshi.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.Evidence;
import luoshi.db.Sql;
import luoshi.rules.spi.Adjustable;
import luoshi.rules.spi.Bounds;
import luoshi.rules.spi.Comparison;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleReader;
import luoshi.rules.spi.RuleType;

/**
 * A rule type added as a service adds one, to show that a new type is this one class and one seed migration
 * ({@code db/test/V901__seed_short_names.sql}) and nothing else: nothing registers it, lists it or routes to it
 * ({@link ARuleTypeIsOneClassAndOneSeedTest}). TEST_NAME_LENGTH: a region's name is at most {@code maxChars}
 * characters long. A maximum, so it also shows a type's own comparison (at most) and a parameter a jurisdiction may
 * only lower; its fact is the region row itself, reached through {@link RuleQuery#region(String)}.
 */
@ApplicationScoped
public class NameLength implements RuleType<NameLength.Limit> {

    /** The longest name allowed. */
    public record Limit(int maxChars) {
    }

    @Override
    public String name() {
        return "TEST_NAME_LENGTH";
    }

    @Override
    public Limit parse(RuleReader rule) {
        return new Limit(rule.count("maxChars"));
    }

    @Override
    public ObjectNode example() {
        return RuleReader.object(name()).put("maxChars", 4);
    }

    @Override
    public Map<String, Adjustable> adjustable() {
        return Map.of("maxChars", Adjustable.lower(Bounds.count(1)));
    }

    @Override
    public String threshold() {
        return "maxChars";
    }

    @Override
    public Comparison comparison() {
        return Comparison.AT_MOST;
    }

    @Override
    public Measure measure(RuleQuery<Limit> q) {
        return new Measure(Measure.NO_JOINS, Sql.of("CHAR_LENGTH(:name)").bind("name", q.region("name")), q.threshold(),
                Measure.NEVER, null);
    }

    @Override
    public Texts texts(Found<Limit> found) {
        return new Texts("at most " + found.rule().maxChars() + " characters", found.actual().toPlainString() + " characters");
    }

    @Override
    public List<Evidence> evidence(Found<Limit> found) {
        return List.of(new Evidence("REGION", found.regionCode(), null, found.actual().toPlainString() + " characters"));
    }
}
