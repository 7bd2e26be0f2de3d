package luoshi.org.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.Evidence;
import luoshi.api.compliance.Requirement;
import luoshi.db.Sql;
import luoshi.rules.Catalog;
import luoshi.rules.RuleType;

/**
 * A rule type org-service evaluates. Each one is a query that answers, for every region it applies to
 * inside a scope, the numbers its verdict rests on ({@code met} of {@code needed}, and a threshold where
 * the rule has one), and an SQL expression that turns them into a status; the same query serves one
 * region's item, a subtree's rollup and the open items, so the three always agree.
 */
public interface LeadershipRule extends RuleType {

    /** SQL with its parameters bound. */
    record Query(Sql sql) {
    }

    /**
     * {@code SELECT code, met, needed, threshold FROM …} over the regions of {@code r}'s levels in its issuer's
     * subtree whose code is LIKE {@code scope}, on the date {@code on}, with the parameters in force in {@code catalog}.
     */
    Query verdicts(Catalog catalog, Requirement r, LocalDate on, String scope);

    /** An SQL expression over {@code v.met, v.needed, v.threshold} that gives a ComplianceStatus name. */
    String statusSql();

    /** What the rule expects for one region (its effective rule). */
    String expected(ObjectNode effectiveRule);

    /** What was found, from the query's numbers. */
    String actual(long met, long needed);

    /** The facts a verdict rests on, for one region on a date. */
    List<Evidence> evidence(ObjectNode effectiveRule, String regionCode, LocalDate on);
}
