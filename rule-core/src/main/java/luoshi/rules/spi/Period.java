package luoshi.rules.spi;

import luoshi.api.compliance.RequirementPeriod;
import luoshi.db.Sql;

/**
 * One period of a requirement as a rule type sees it in SQL ({@link RuleQuery#period()}): its facts count from
 * {@code start} to {@code knownOn} (facts as known on the evaluation date), and a state is judged on {@code knownOn}.
 * The framework cuts the periods (REQUIREMENTS.md, Seed catalog):
 * <ul>
 *   <li>YEAR: the calendar (= fiscal) year {@code year}, due on 12-31; facts up to 12-31 or {@code asOf} if earlier;</li>
 *   <li>STATE: the year, judged on {@code asOf}, or on 12-31 for a past year (then due that day);</li>
 *   <li>ONCE: the requirement's due date; facts up to {@code asOf};</li>
 *   <li>TERM: each party committee term ({@link TermSource}): bounds are the term's columns, {@code year} is 0.</li>
 * </ul>
 * Bounds are bound dates, or column references for TERM: a rule uses them only as SQL values.
 */
public record Period(RequirementPeriod kind, int year, Sql start, Sql end, Sql knownOn) {
}
