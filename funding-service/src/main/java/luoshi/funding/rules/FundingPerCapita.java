package luoshi.funding.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Money;
import luoshi.api.common.Violation;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleType;
import luoshi.rules.spi.Strictness;

/**
 * FUNDING_PER_CAPITA: the funding of one category in a year is at least {@code perCapita} × the region's total
 * population of that year (SHAOXING-2015 item 21: 按人均一元钱标准增拨妇女工作经费). Without a population row for
 * the year (the read copy's {@code population}): NO_DATA.
 */
@ApplicationScoped
public class FundingPerCapita implements RuleType {

    private final Database db;

    FundingPerCapita(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "FUNDING_PER_CAPITA";
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        return FundingFacts.checkCategoryAndPositive(rule, "perCapita");
    }

    @Override
    public Map<String, Strictness> adjustable() {
        return Map.of("perCapita", Strictness.HIGHER);
    }

    @Override
    public String threshold() {
        return "perCapita";
    }

    @Override
    public Measure measure(RuleQuery q) {
        Sql joins = Sql.of(":sum LEFT JOIN population p ON p.region_code = g.code AND p.year = :year")
                .bind("sum", FundingFacts.sumJoin(FundingFacts.category(q.rule()), q.period().year(), q.factsPattern()))
                .bind("year", q.period().year());
        return new Measure(joins, Sql.of("COALESCE(f.total, 0)"), Sql.of("(:perCapita) * p.total").bind("perCapita", q.threshold()),
                Sql.of("p.region_code IS NULL"), Sql.of("p.total"));
    }

    @Override
    public Texts texts(Found found) {
        return new Texts(found.status() == ComplianceStatus.NO_DATA ? null : Money.Amounts.format(found.expected()),
                Money.Amounts.format(found.actual()));
    }

    @Override
    public List<Evidence> evidence(Found found) {
        int year = found.periodStart().getYear();
        List<Evidence> evidence = new ArrayList<>(FundingFacts.records(db, found.regionCode(), year,
                FundingFacts.category(found.rule())));
        if (found.base() != null) {
            evidence.add(new Evidence("POPULATION", found.regionCode() + "/" + year, null, "total " + found.base().longValue()));
        }
        return evidence;
    }
}
