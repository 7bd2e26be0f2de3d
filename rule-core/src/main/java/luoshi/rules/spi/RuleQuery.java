package luoshi.rules.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import luoshi.api.compliance.Requirement;
import luoshi.db.Sql;

/**
 * What the framework gives a rule type to measure the regions {@code g} of a query, for one period of a requirement:
 * <ul>
 *   <li>{@code rule}: the issuer's rule object (its non-adjustable parameters: a category, a meeting type …);</li>
 *   <li>{@code threshold}: the value of {@link RuleType#threshold()} in force for {@code g.code} (a jurisdiction's or
 *       the issuer's), as SQL; NULL where none is (the framework has already made those rows NOT_APPLICABLE);</li>
 *   <li>{@code period}: the period's bounds as SQL (bound dates, or a committee term's columns);</li>
 *   <li>{@code factsPattern}: a bound LIKE pattern covering every region of the query that the requirement applies
 *       to: fact tables need only be read for region codes matching it.</li>
 * </ul>
 */
public record RuleQuery(Requirement requirement, ObjectNode rule, Sql threshold, Period period, Sql factsPattern) {
}
