package luoshi.funding.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Money;
import luoshi.api.common.Violation;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.db.Sql;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleType;
import luoshi.rules.spi.Strictness;

/**
 * COLLECTION_RATE: union fees collected ÷ due ≥ {@code minRate} (CENTRAL-2015 §10: 依法足额收缴工会经费;
 * SHAOXING-2015 item 21: 全面落实工会经费税务代收). Expected is the amount to collect, minRate × due rounded up to
 * the cent (so "collected ≥ expected" is exactly "collected ÷ due ≥ minRate"); actual the amount collected. Without
 * union fees due for the year (no row, or 0 due): NO_DATA.
 */
@ApplicationScoped
public class CollectionRate implements RuleType {

    @Override
    public String name() {
        return "COLLECTION_RATE";
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        return FundingFacts.checkPositive(rule, "minRate", BigDecimal.ONE);
    }

    @Override
    public Map<String, Strictness> adjustable() {
        return Map.of("minRate", Strictness.HIGHER);
    }

    @Override
    public String threshold() {
        return "minRate";
    }

    @Override
    public Measure measure(RuleQuery q) {
        return new Measure(Sql.of("LEFT JOIN union_fee u ON u.region_code = g.code AND u.year = :year")
                .bind("year", q.period().year()), Sql.of("u.collected"),
                Sql.of("CEILING((:minRate) * u.due * 100) / 100").bind("minRate", q.threshold()),
                Sql.of("u.region_code IS NULL OR u.due = 0"), Sql.of("u.due"));
    }

    @Override
    public Texts texts(Found found) {
        return found.status() == ComplianceStatus.NO_DATA ? new Texts(null, null)
                : new Texts(Money.Amounts.format(found.expected()), Money.Amounts.format(found.actual()));
    }

    @Override
    public List<Evidence> evidence(Found found) {
        if (found.status() == ComplianceStatus.NO_DATA) {
            return List.of();
        }
        return List.of(new Evidence("UNION_FEES", found.regionCode() + "/" + found.periodStart().getYear(), null,
                "due " + Money.Amounts.format(found.base()) + ", collected " + Money.Amounts.format(found.actual())));
    }
}
