package luoshi.funding.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.stream.Collectors;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Requirement;
import luoshi.api.region.RegionCode;
import luoshi.funding.compliance.FundingRuleType.SubtreeSql;
import luoshi.rules.Catalog;

/**
 * The status of every region of a subtree for a requirement and year, as one SELECT over the read
 * copy's {@code region} table joined with the facts: the same decisions as {@link RegionEvaluator},
 * in SQL, so that rollups never walk regions in Java. Each SELECT gives
 * {@code (code, name, requirement_id, year, status)}; the literals inlined are validated codes,
 * enum names, years and requirement ids.
 */
@ApplicationScoped
public class SubtreeStatusSql {

    private final FundingRequirements requirements;

    SubtreeStatusSql(FundingRequirements requirements) {
        this.requirements = requirements;
    }

    public String statuses(Catalog catalog, Requirement r, int year, String root, LocalDate asOf) {
        FundingRuleType type = requirements.typeOf(r);
        String pattern = RegionCode.subtreePattern(root);
        String threshold = catalog.parameterSql(r, type.threshold(), "g.code");
        SubtreeSql sql = type.subtreeSql(r.rule(), threshold, year, factsPattern(root, r.issuerRegionCode()));
        ComplianceStatus notMet = ComplianceStatus.decide(false, FundingRequirements.period(r, year).due(), asOf);
        return "SELECT g.code AS code, g.name AS name, " + literal(r.id()) + " AS requirement_id, " + year + " AS year,"
                + " CASE WHEN NOT (" + applies(r) + ") OR (" + threshold + ") IS NULL THEN 'NOT_APPLICABLE'"
                + " WHEN " + sql.noData() + " THEN 'NO_DATA'"
                + " WHEN " + sql.met() + " THEN 'COMPLIANT'"
                + " ELSE '" + notMet.name() + "' END AS status"
                + " FROM region g " + sql.joins()
                + " WHERE g.code LIKE '" + pattern + "'";
    }

    /**
     * The regions whose facts a requirement's verdicts over {@code root}'s subtree can use: those in both the subtree
     * and the issuer's subtree, the other regions being NOT_APPLICABLE. Subtrees are prefix ranges, so that is the
     * narrower of the two (when they are disjoint, no region needs facts and the narrower is as good as any). Without
     * it a Shaoxing requirement summed the whole country's funding in every national query (benchmarks/).
     */
    static String factsPattern(String root, String issuer) {
        String a = RegionCode.prefix(root);
        String b = RegionCode.prefix(issuer);
        return (a.length() >= b.length() ? a : b) + "%";
    }

    /** {@link Catalog#applies} in SQL: one of the levels, inside the issuer's subtree. */
    private static String applies(Requirement r) {
        String levels = r.levels().stream().map(l -> "'" + l.name() + "'").collect(Collectors.joining(","));
        return "g.level IN (" + levels + ") AND g.code LIKE '" + RegionCode.subtreePattern(r.issuerRegionCode()) + "'";
    }

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
