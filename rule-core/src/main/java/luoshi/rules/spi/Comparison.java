package luoshi.rules.spi;

import luoshi.db.Sql;

/** How a rule type's {@code actual} meets its {@code expected} ({@link RuleType#comparison()}). */
public enum Comparison {
    /** 不少于: met when {@code actual ≥ expected} (a minimum amount, a minimum count, a minimum share). */
    AT_LEAST(">="),
    /** 不超过: met when {@code actual ≤ expected} (a maximum). */
    AT_MOST("<=");

    private final String operator;

    Comparison(String operator) {
        this.operator = operator;
    }

    /** The condition "met", in SQL. */
    public Sql met(Sql actual, Sql expected) {
        return Sql.of("(:actual) " + operator + " (:expected)").bind("actual", actual).bind("expected", expected);
    }
}
