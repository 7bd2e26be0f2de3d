package luoshi.funding.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Money;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.db.Sql;
import luoshi.rules.spi.Adjustable;
import luoshi.rules.spi.Bounds;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleReader;
import luoshi.rules.spi.RuleType;

/**
 * COLLECTION_RATE: union fees collected ÷ due ≥ {@code minRate} (CENTRAL-2015 §10: 依法足额收缴工会经费;
 * SHAOXING-2015 item 21: 全面落实工会经费税务代收). Expected is the amount to collect, minRate × due rounded up to
 * the cent (so "collected ≥ expected" is exactly "collected ÷ due ≥ minRate"); actual the amount collected. Without
 * union fees due for the year (no row, or 0 due): NO_DATA.
 */
@ApplicationScoped
public class CollectionRate implements RuleType<CollectionRate.Rate> {

    /** The share of the fees due that must be collected. */
    public record Rate(BigDecimal minRate) {
    }

    /** A rate above 0 and at most 1, written with two decimals as the seed's 1.00. */
    static final Bounds RATE = Bounds.MONEY.atMost(BigDecimal.ONE);

    @Override
    public String name() {
        return "COLLECTION_RATE";
    }

    @Override
    public Rate parse(RuleReader rule) {
        return new Rate(rule.decimal("minRate"));
    }

    /** The seed UNION_FEES_FULL_COLLECTION's rule: in full. */
    @Override
    public ObjectNode example() {
        return RuleReader.object(name()).put("minRate", "1.00");
    }

    @Override
    public Map<String, Adjustable> adjustable() {
        return Map.of("minRate", Adjustable.higher(RATE));
    }

    @Override
    public String threshold() {
        return "minRate";
    }

    @Override
    public Measure measure(RuleQuery<Rate> q) {
        return new Measure(Sql.of("LEFT JOIN union_fee u ON u.region_code = :code AND u.year = :year")
                .bind("code", q.regionCode()).bind("year", q.period().year()), Sql.of("u.collected"),
                Sql.of("CEILING((:minRate) * u.due * 100) / 100").bind("minRate", q.threshold()),
                Sql.of("u.region_code IS NULL OR u.due = 0"), Sql.of("u.due"));
    }

    /** NO_DATA when {@code noData} holds: no union fees of the year are recorded, or their due is 0. */
    @Override
    public List<String> missingFacts(Found<Rate> found) {
        return List.of("UNION_FEES");
    }

    @Override
    public Texts texts(Found<Rate> found) {
        return found.status() == ComplianceStatus.NO_DATA ? new Texts(null, null)
                : new Texts(Money.Amounts.format(found.expected()), Money.Amounts.format(found.actual()));
    }

    @Override
    public List<Evidence> evidence(Found<Rate> found) {
        if (found.status() == ComplianceStatus.NO_DATA) {
            return List.of();
        }
        return List.of(new Evidence("UNION_FEES", found.regionCode() + "/" + found.periodStart().getYear(), null,
                "due " + Money.Amounts.format(found.base()) + ", collected " + Money.Amounts.format(found.actual())));
    }
}
