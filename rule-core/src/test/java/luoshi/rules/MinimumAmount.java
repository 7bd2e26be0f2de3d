package luoshi.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Violation;
import luoshi.db.Sql;
import luoshi.rules.catalog.Catalog;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleType;
import luoshi.rules.spi.Strictness;

/** A rule type for the catalog's tests: a minimum amount, as funding-service's FUNDING_MIN_AMOUNT. */
@ApplicationScoped
public class MinimumAmount implements RuleType {

    @Override
    public String name() {
        return "TEST_MIN_AMOUNT";
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        List<Violation> v = new ArrayList<>();
        if (Catalog.decimal(rule.get("minAmount")).filter(a -> a.signum() > 0).isEmpty()) {
            v.add(new Violation("rule.minAmount", "must be an amount above 0"));
        }
        return v;
    }

    @Override
    public Map<String, Strictness> adjustable() {
        return Map.of("minAmount", Strictness.HIGHER);
    }

    /** The amount in force (the version's, or a jurisdiction's): what each item expects. */
    @Override
    public String threshold() {
        return "minAmount";
    }

    /** Nothing to measure in rule-core's own tests: the services' RollupAgreesTest evaluate every real type. */
    @Override
    public Measure measure(RuleQuery query) {
        return new Measure(Measure.NO_JOINS, Sql.of("0"), query.threshold(), Measure.NEVER, null);
    }

    @Override
    public Texts texts(Found found) {
        return new Texts(String.valueOf(found.expected()), String.valueOf(found.actual()));
    }

    @Override
    public List<luoshi.api.compliance.Evidence> evidence(Found found) {
        return List.of();
    }

    static BigDecimal amount(String s) {
        return new BigDecimal(s);
    }
}
