package luoshi.rules.engine;

import luoshi.api.region.RegionCode;
import luoshi.db.Sql;

/** SQL over the regions of a subtree: which child of a root a region lies under, and which facts a query needs. */
final class Subtrees {

    private Subtrees() {
    }

    /**
     * The code of the child of {@code root} that contains the region whose code is in {@code column} (the region
     * itself when it is a child, the root when it is the root): the GROUP BY of every rollup's counts per child.
     */
    static Sql childOf(String root, String column) {
        if (RegionCode.isCountry(root)) {
            return Sql.of("CONCAT(LEFT(" + column + ", 2), '0000')");
        }
        return switch (RegionCode.levelOf(root).orElseThrow()) {
            case PROVINCE -> Sql.of("CONCAT(LEFT(" + column + ", 4), '00')");
            // a township directly under a city with no county level is itself the child
            case CITY -> Sql.of("CASE WHEN LEFT(" + column + ", 6) = :root THEN LEFT(" + column + ", 9) ELSE LEFT("
                    + column + ", 6) END").bind("root", root);
            case COUNTY -> Sql.of("LEFT(" + column + ", 9)");
            case TOWNSHIP, VILLAGE -> Sql.of("LEFT(" + column + ", 12)");
        };
    }

    /**
     * The regions whose facts a requirement's verdicts over {@code root}'s subtree can use: those in both the subtree
     * and the issuer's subtree, the other regions being NOT_APPLICABLE. Subtrees are prefix ranges, so that is the
     * narrower of the two (when they are disjoint no region needs facts, and the narrower is as good as any). Without
     * it a Shaoxing requirement summed the whole country's funding in every national query (benchmarks/).
     */
    static String factsPattern(String root, String issuer) {
        String a = RegionCode.prefix(root);
        String b = RegionCode.prefix(issuer);
        return (a.length() >= b.length() ? a : b) + "%";
    }
}
