package luoshi.rules.spi;

import java.math.BigDecimal;

/** Which way a numeric parameter gets stricter (不少于: "at least" — lower levels may only add). */
public enum Strictness {
    /** A higher value is stricter: a minimum amount, a minimum count, a minimum share. */
    HIGHER,
    /** A lower value is stricter: a maximum. */
    LOWER;

    /** True when {@code candidate} is laxer than {@code inForce}. */
    public boolean laxer(BigDecimal candidate, BigDecimal inForce) {
        int c = candidate.compareTo(inForce);
        return this == HIGHER ? c < 0 : c > 0;
    }

    /** The stricter of two values. */
    public BigDecimal stricter(BigDecimal a, BigDecimal b) {
        return laxer(a, b) ? b : a;
    }

    public String bound() {
        return this == HIGHER ? "at least" : "at most";
    }
}
