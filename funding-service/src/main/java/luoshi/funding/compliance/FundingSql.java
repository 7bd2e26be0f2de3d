package luoshi.funding.compliance;

import luoshi.api.funding.FundingCategory;

/** SQL shared by the funding rule types' subtree queries. */
final class FundingSql {

    private FundingSql() {
    }

    /**
     * {@code f.total}: each region's sum of one category and fiscal year, over the subtree only
     * (a range of index idx_funding_year_category_region, which covers the sum).
     */
    static String fundingSumJoin(FundingCategory category, int year, String factsPattern) {
        return "LEFT JOIN (SELECT region_code, SUM(amount) AS total FROM funding_record WHERE fiscal_year = " + year
                + " AND category = '" + category.name() + "' AND region_code LIKE '" + factsPattern + "'"
                + " GROUP BY region_code) f ON f.region_code = g.code";
    }
}
