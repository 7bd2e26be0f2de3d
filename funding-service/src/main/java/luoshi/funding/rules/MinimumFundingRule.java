package luoshi.funding.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Money;
import luoshi.api.compliance.Evidence;
import luoshi.api.funding.FundingCategory;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.Adjustable;
import luoshi.rules.spi.Bounds;
import luoshi.rules.spi.EvidenceRows;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleReader;
import luoshi.rules.spi.RuleType;

/**
 * What the two funding rules of a category have in common (FUNDING_MIN_AMOUNT, FUNDING_PER_CAPITA): the funding of one
 * {@code category} in a fiscal year, summed per region, held against an amount (the rule's {@link #parameter()}: money
 * above 0, which a jurisdiction may only raise); every record summed is evidence ({@link #records}). What the amount is multiplied by,
 * and when a fact is missing, is each rule's own.
 */
abstract class MinimumFundingRule implements RuleType<MinimumFundingRule.Funding> {

    /** The category funded, and the amount in force (the minimum, or the amount per inhabitant). */
    public record Funding(FundingCategory category, BigDecimal amount) {
    }

    /** The name of the rule's amount: {@code minAmount}, {@code perCapita}. */
    abstract String parameter();

    /** The category and amount of the type's seed requirement: its example. */
    abstract Funding seed();

    @Override
    public Funding parse(RuleReader rule) {
        return new Funding(rule.oneOf("category", FundingCategory.class), rule.decimal(parameter()));
    }

    @Override
    public ObjectNode example() {
        return RuleReader.object(name()).put("category", seed().category().name())
                .put(parameter(), Money.Amounts.format(seed().amount()));
    }

    /** 不少于: a jurisdiction may only raise the bar. */
    @Override
    public Map<String, Adjustable> adjustable() {
        return Map.of(parameter(), Adjustable.higher(Bounds.MONEY));
    }

    @Override
    public String threshold() {
        return parameter();
    }

    /**
     * {@code f.total}: each region's sum of the rule's category in the period's fiscal year, over the regions of the
     * query's facts pattern only (a range of index idx_funding_year_category_region, which covers the sum).
     */
    static Sql sumJoin(RuleQuery<Funding> q) {
        return Sql.of("LEFT JOIN (SELECT region_code, SUM(amount) AS total FROM funding_record WHERE fiscal_year = :year"
                + " AND category = :category AND region_code LIKE :pattern GROUP BY region_code) f ON f.region_code = :code")
                .bind("year", q.period().year()).bind("category", q.rule().category()).bind("pattern", q.factsPattern())
                .bind("code", q.regionCode());
    }

    /** The sum of {@link #sumJoin}, 0.00 without a record. */
    static final Sql TOTAL = Sql.of("COALESCE(f.total, 0)");

    /** One item's evidence: as part of the items of an answer ({@link #evidence(List)}). */
    @Override
    public List<Evidence> evidence(Found<Funding> found) {
        return evidence(List.of(found)).get(0);
    }

    /** Every record summed of each item, so that an inspector can add them up by hand: one statement for all. */
    static List<List<Evidence>> records(Database db, List<Found<Funding>> found) {
        return EvidenceRows.read(db, found, f -> Sql.of("SELECT id, document_ref, amount FROM funding_record"
                + " WHERE region_code = :code AND fiscal_year = :year AND category = :category")
                .bind("code", f.regionCode()).bind("year", f.periodStart().getYear()).bind("category", f.rule().category()),
                "id", rs -> new Evidence("FUNDING", String.valueOf(rs.getLong(1)), rs.getString(2),
                        Money.Amounts.format(rs.getBigDecimal(3))));
    }
}
