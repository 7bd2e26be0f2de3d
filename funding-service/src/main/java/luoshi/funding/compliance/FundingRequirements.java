package luoshi.funding.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.rules.Catalog;
import luoshi.rules.RequirementCatalog;

/** funding-service's requirements with their rule types, and the period a year makes of each. */
@ApplicationScoped
public class FundingRequirements {

    private final RequirementCatalog catalog;
    private final Map<String, FundingRuleType> types = new HashMap<>();

    FundingRequirements(RequirementCatalog catalog, Instance<FundingRuleType> types) {
        this.catalog = catalog;
        types.forEach(t -> this.types.put(t.name(), t));
    }

    /** Every requirement of this service that one of its rule types evaluates, by id. */
    public List<Requirement> all(Catalog at) {
        return at.all().stream().filter(r -> types.containsKey(ruleType(r))).toList();
    }

    public FundingRuleType typeOf(Requirement r) {
        return types.get(ruleType(r));
    }

    public RequirementCatalog catalog() {
        return catalog;
    }

    /**
     * The period of a requirement in a year: the calendar (= fiscal) year, due on 12-31
     * (REQUIREMENTS.md, Seed catalog); a ONCE requirement keeps its own due date.
     */
    public static Period period(Requirement r, int year) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        return new Period(start, end, r.period() == RequirementPeriod.ONCE && r.dueDate() != null ? r.dueDate() : end);
    }

    public record Period(LocalDate start, LocalDate end, LocalDate due) {
    }

    private static String ruleType(Requirement r) {
        return r.rule().path("type").asText();
    }
}
