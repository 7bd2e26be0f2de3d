package luoshi.rules.spi;

import java.util.List;
import luoshi.api.compliance.Requirement;
import luoshi.db.Sql;

/**
 * What the framework gives a rule type to measure the regions of a query, for one period of a requirement:
 * <ul>
 *   <li>{@code rule}: the issuer's parameters, as the type parsed them (a category, a meeting type …);</li>
 *   <li>{@code threshold}: the value of {@link RuleType#threshold()} in force for each region (a jurisdiction's or
 *       the issuer's), as SQL; NULL where none is (the framework has already made those rows NOT_APPLICABLE);</li>
 *   <li>{@code period}: the period's bounds as SQL (bound dates, or a committee term's columns);</li>
 *   <li>{@code factsPattern}: a bound LIKE pattern covering every region of the query that the requirement applies
 *       to: fact tables need only be read for region codes matching it.</li>
 * </ul>
 *
 * <p>The statement's aliases are the framework's: the region row is {@value #REGION}, a committee term
 * {@value #TERM}, a waiver {@value #WAIVER} ({@link #FRAMEWORK_ALIASES}). A rule type reaches the region row through
 * {@link #regionCode()} or {@link #region(String)} and never writes these aliases; its own joins take other names.
 */
public record RuleQuery<P>(Requirement requirement, P rule, Sql threshold, Period period, Sql factsPattern) {

    /** The alias of the region row ({@code region}: org-service's own table or the read copy). */
    public static final String REGION = "g";
    /** The alias of the committee term a TERM period is cut from. */
    public static final String TERM = "t";
    /** The alias of the waiver that excuses an item. */
    public static final String WAIVER = "w";
    /** Every alias the framework gives in a verdict's statement. */
    public static final List<String> FRAMEWORK_ALIASES = List.of(REGION, TERM, WAIVER);

    /** The code of the region being judged, as SQL: what a rule type's join matches its facts' region code to. */
    public Sql regionCode() {
        return region("code");
    }

    /** A column of the region row ({@code code}, {@code name}, {@code level}, {@code parent_code}), as SQL. */
    public Sql region(String column) {
        if (!column.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a column of the region table: " + column);
        }
        return Sql.of(REGION + "." + column);
    }
}
