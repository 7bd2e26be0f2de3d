package luoshi.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Violation;

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

    static BigDecimal amount(String s) {
        return new BigDecimal(s);
    }
}
