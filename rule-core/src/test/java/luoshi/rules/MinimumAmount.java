package luoshi.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.Evidence;
import luoshi.db.Sql;
import luoshi.rules.spi.Adjustable;
import luoshi.rules.spi.Bounds;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleReader;
import luoshi.rules.spi.RuleType;

/** A rule type for the catalog's tests: a minimum amount nobody meets (actual 0), as funding-service's FUNDING_MIN_AMOUNT. */
@ApplicationScoped
public class MinimumAmount implements RuleType<MinimumAmount.Amount> {

    record Amount(BigDecimal minAmount) {
    }

    @Override
    public String name() {
        return "TEST_MIN_AMOUNT";
    }

    @Override
    public Amount parse(RuleReader rule) {
        return new Amount(rule.decimal("minAmount"));
    }

    @Override
    public ObjectNode example() {
        return RuleReader.object(name()).put("category", "YOUTH_LEAGUE_WORK").put("minAmount", "20000.00");
    }

    @Override
    public Map<String, Adjustable> adjustable() {
        return Map.of("minAmount", Adjustable.higher(Bounds.MONEY));
    }

    /** The amount in force (the version's, or a jurisdiction's): what each item expects. */
    @Override
    public String threshold() {
        return "minAmount";
    }

    /** Nothing to measure in rule-core's own tests: the services' RollupAgreesTest evaluate every real type. */
    @Override
    public Measure measure(RuleQuery<Amount> query) {
        return new Measure(Measure.NO_JOINS, Sql.of("0"), query.threshold(), Measure.NEVER, null);
    }

    @Override
    public Texts texts(Found<Amount> found) {
        return new Texts(String.valueOf(found.expected()), String.valueOf(found.actual()));
    }

    @Override
    public List<Evidence> evidence(Found<Amount> found) {
        return List.of();
    }
}
