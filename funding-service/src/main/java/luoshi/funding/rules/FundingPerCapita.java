package luoshi.funding.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.common.Money;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.api.funding.FundingCategory;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;

/**
 * FUNDING_PER_CAPITA: the funding of one category in a year is at least {@code perCapita} × the region's total
 * population of that year (SHAOXING-2015 item 21: 按人均一元钱标准增拨妇女工作经费). Without a population row for
 * the year (the read copy's {@code population}): NO_DATA.
 */
@ApplicationScoped
public class FundingPerCapita extends MinimumFundingRule {

    private final Database db;

    FundingPerCapita(Database db) {
        this.db = db;
    }

    @Override
    String parameter() {
        return "perCapita";
    }

    /** WOMENS_WORK_PER_CAPITA_FUNDING: 1.00 of women's work funding per inhabitant. */
    @Override
    Funding seed() {
        return new Funding(FundingCategory.WOMENS_WORK, new BigDecimal("1.00"));
    }

    @Override
    public String name() {
        return "FUNDING_PER_CAPITA";
    }

    @Override
    public Measure measure(RuleQuery<Funding> q) {
        Sql joins = Sql.of(":sum LEFT JOIN population p ON p.region_code = :code AND p.year = :year")
                .bind("sum", sumJoin(q)).bind("code", q.regionCode()).bind("year", q.period().year());
        return new Measure(joins, TOTAL, Sql.of("(:perCapita) * p.total").bind("perCapita", q.threshold()),
                Sql.of("p.region_code IS NULL"), Sql.of("p.total"));
    }

    /** NO_DATA when {@code noData} holds: no population of the region is recorded for the year. */
    @Override
    public List<String> missingFacts(Found<Funding> found) {
        return List.of("POPULATION");
    }

    @Override
    public Texts texts(Found<Funding> found) {
        return new Texts(found.status() == ComplianceStatus.NO_DATA ? null : Money.Amounts.format(found.expected()),
                Money.Amounts.format(found.actual()));
    }

    /** The records summed, and the population multiplied. */
    @Override
    public List<List<Evidence>> evidence(List<Found<Funding>> found) {
        List<List<Evidence>> records = records(db, found);
        List<List<Evidence>> all = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found<Funding> f = found.get(i);
            List<Evidence> evidence = new ArrayList<>(records.get(i));
            if (f.base() != null) {
                evidence.add(new Evidence("POPULATION", f.regionCode() + "/" + f.periodStart().getYear(), null,
                        "total " + f.base().longValue()));
            }
            all.add(evidence);
        }
        return all;
    }
}
