package luoshi.funding.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import luoshi.api.common.Money;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Evidence;
import luoshi.api.funding.FundingCategory;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.catalog.Catalog;

/** What the funding rule types share: the sum of a category's records, their evidence, and checks of parameters. */
final class FundingFacts {

    private FundingFacts() {
    }

    /**
     * {@code f.total}: each region's sum of one category and fiscal year, over the regions of {@code factsPattern}
     * only (a range of index idx_funding_year_category_region, which covers the sum).
     */
    static Sql sumJoin(FundingCategory category, int year, Sql factsPattern) {
        return Sql.of("LEFT JOIN (SELECT region_code, SUM(amount) AS total FROM funding_record WHERE fiscal_year = :year"
                + " AND category = :category AND region_code LIKE :pattern GROUP BY region_code) f ON f.region_code = g.code")
                .bind("year", year).bind("category", category).bind("pattern", factsPattern);
    }

    /** Every record summed, so that an inspector can add them up by hand. */
    static List<Evidence> records(Database db, String regionCode, int year, FundingCategory category) {
        return db.list(Sql.of("SELECT id, document_ref, amount FROM funding_record WHERE region_code = :code"
                + " AND fiscal_year = :year AND category = :category ORDER BY id")
                .bind("code", regionCode).bind("year", year).bind("category", category),
                rs -> new Evidence("FUNDING", String.valueOf(rs.getLong(1)), rs.getString(2),
                        Money.Amounts.format(rs.getBigDecimal(3))));
    }

    static FundingCategory category(ObjectNode rule) {
        return FundingCategory.valueOf(rule.path("category").asText());
    }

    /** {@code rule.<name>}: an amount above 0 with at most two decimals (and at most {@code max} when given). */
    static List<Violation> checkPositive(ObjectNode rule, String name, BigDecimal max) {
        Optional<BigDecimal> v = Catalog.decimal(rule.get(name));
        if (v.isEmpty() || v.get().signum() <= 0 || v.get().stripTrailingZeros().scale() > 2
                || v.get().precision() - v.get().scale() > 13 || max != null && v.get().compareTo(max) > 0) {
            return List.of(new Violation("rule." + name, "must be a number above 0 with at most two decimals"
                    + (max == null ? "" : ", at most " + max.toPlainString())));
        }
        return List.of();
    }

    /** A rule on the funding of a category: {@code rule.category} one of the categories and a positive {@code rule.<name>}. */
    static List<Violation> checkCategoryAndPositive(ObjectNode rule, String name) {
        List<Violation> v = new ArrayList<>();
        String c = rule.path("category").asText("");
        if (Arrays.stream(FundingCategory.values()).noneMatch(k -> k.name().equals(c))) {
            v.add(new Violation("rule.category", "must be one of " + Arrays.toString(FundingCategory.values())));
        }
        v.addAll(checkPositive(rule, name, null));
        return v;
    }
}
