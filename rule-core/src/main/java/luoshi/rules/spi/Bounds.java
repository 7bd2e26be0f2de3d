package luoshi.rules.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The values a numeric parameter may take (API.md, "Concurrency, limits and exposure", Values): at most {@code places}
 * decimal places, above (or from) {@code least}, at most {@code most}. Bounded on purpose: a value such as
 * {@code 1e-3000} is refused, so that no stored value can make an evaluation write out a number thousands of digits
 * long. {@code says} completes "must be …" in a violation.
 */
public record Bounds(int places, BigDecimal least, boolean leastAllowed, BigDecimal most, boolean numbersOnly,
        String says) {

    /** Longer texts are not read as numbers at all: no valid value of any bounds is this long. */
    static final int LONGEST_TEXT = 40;

    /** Money (API.md, Conventions): above 0, two places, at most 15 digits (the columns' DECIMAL(15,2)). */
    public static final Bounds MONEY = new Bounds(2, BigDecimal.ZERO, false, new BigDecimal("9999999999999.99"), false,
            "a number above 0 with at most two decimals");

    /** A share such as {@code minShare}: 0 < x ≤ 1, at most four places. */
    public static final Bounds SHARE = new Bounds(4, BigDecimal.ZERO, false, BigDecimal.ONE, false,
            "a share above 0 and at most 1, with at most four decimals");

    /** A count: a whole JSON number from {@code least} on, within an int. */
    public static Bounds count(int least) {
        return new Bounds(0, BigDecimal.valueOf(least), true, BigDecimal.valueOf(Integer.MAX_VALUE), true,
                "a whole number, at least " + least);
    }

    /** The same bounds with a lower {@code most}. */
    public Bounds atMost(BigDecimal most) {
        return new Bounds(places, least, leastAllowed, most, numbersOnly, says + ", at most " + most.toPlainString());
    }

    /**
     * The value of {@code node} when it is a number within these bounds (a JSON number, or unless {@code numbersOnly}
     * a numeric string); empty when it is absent, null, not a number or outside.
     */
    public Optional<BigDecimal> read(JsonNode node) {
        return number(node).filter(this::holds);
    }

    /** True when {@code value} lies within these bounds. */
    public boolean holds(BigDecimal value) {
        // scale and compareTo look at the exponents, so even 1e-300000000 is judged without being written out
        if (Math.max(value.stripTrailingZeros().scale(), 0) > places || value.compareTo(most) > 0) {
            return false;
        }
        int low = value.compareTo(least);
        return leastAllowed ? low >= 0 : low > 0;
    }

    private Optional<BigDecimal> number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isNumber() && (numbersOnly || !node.isTextual() || node.asText().length() > LONGEST_TEXT)) {
            return Optional.empty();
        }
        try {
            return Optional.of(node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().trim()));
        } catch (NumberFormatException e) {      // not a number, or a float such as Infinity
            return Optional.empty();
        }
    }
}
