package luoshi.rules.spi;

import luoshi.db.Sql;

/**
 * What a rule type answers for the regions of a query ({@link RuleType#measure}): the requirement is met when
 * {@code actual} meets {@code expected} by the type's {@link Comparison} (at least, 不少于, by default); NO_DATA when
 * {@code noData} holds (a fact the rule needs is missing). {@code joins} are LEFT JOINs onto the region row
 * ({@link RuleQuery#regionCode()}; aliases of the rule's own, none of {@link RuleQuery#FRAMEWORK_ALIASES}; none:
 * {@link #NO_JOINS}), and {@code base} an optional further number an item shows (the population, the leaders
 * counted …; null: none). Every value is bound in the pieces: none is written into their text.
 */
public record Measure(Sql joins, Sql actual, Sql expected, Sql noData, Sql base) {

    public static final Sql NO_JOINS = Sql.of("");
    public static final Sql NEVER = Sql.of("FALSE");

    public Measure {
        if (joins == null || actual == null || expected == null || noData == null) {
            throw new IllegalArgumentException("a measure needs joins, actual, expected and noData");
        }
        base = base == null ? Sql.of("NULL") : base;
    }
}
