package luoshi.funding.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Money;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Evidence;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleType;
import luoshi.rules.spi.Strictness;

/**
 * FUNDING_MIN_AMOUNT: the funding of one category in a fiscal year sums to at least {@code minAmount}
 * (SHAOXING-2015 item 21: 确保各乡镇（街道）每年不少于2万元共青团工作经费). No record: a sum of 0.00.
 */
@ApplicationScoped
public class FundingMinAmount implements RuleType {

    private final Database db;

    FundingMinAmount(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "FUNDING_MIN_AMOUNT";
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        return FundingFacts.checkCategoryAndPositive(rule, "minAmount");
    }

    /** 不少于: a jurisdiction may only raise the bar. */
    @Override
    public Map<String, Strictness> adjustable() {
        return Map.of("minAmount", Strictness.HIGHER);
    }

    @Override
    public String threshold() {
        return "minAmount";
    }

    @Override
    public Measure measure(RuleQuery q) {
        return new Measure(FundingFacts.sumJoin(FundingFacts.category(q.rule()), q.period().year(), q.factsPattern()),
                Sql.of("COALESCE(f.total, 0)"), q.threshold(), Measure.NEVER, null);
    }

    @Override
    public Texts texts(Found found) {
        return new Texts(Money.Amounts.format(found.expected()), Money.Amounts.format(found.actual()));
    }

    @Override
    public List<Evidence> evidence(Found found) {
        return FundingFacts.records(db, found.regionCode(), found.periodStart().getYear(), FundingFacts.category(found.rule()));
    }
}
