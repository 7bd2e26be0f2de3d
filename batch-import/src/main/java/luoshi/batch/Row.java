package luoshi.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;

/**
 * One row of a CSV or XLSX batch being read, as text by column name: a mapper makes of it the record the JSON batch of
 * the same endpoint takes. A value that cannot be read as its column's type is recorded as a violation of its field
 * ({@code [3].amount}) and read as null, so that Bean Validation does not name it again.
 */
public final class Row {

    /** The most digits either side of the decimal point a number may have: more is no amount, count or year. */
    private static final int MAX_DIGITS = 30;

    private final Map<String, String> values;
    private final int index;
    private final RowViolations violations;

    Row(Map<String, String> values, int index, RowViolations violations) {
        this.values = values;
        this.index = index;
        this.violations = violations;
    }

    /** The value of {@code column}, or null when empty or when the header has no such column. */
    public String text(String column) {
        return values.get(column);
    }

    public Long whole(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            violations.add(index, column, "cannot read '" + v + "' as a whole number");
            return null;
        }
    }

    /** {@link #whole} within an {@code int}. */
    public Integer integer(String column) {
        Long v = whole(column);
        if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            violations.add(index, column, "cannot read '" + v + "' as a whole number: it is too large");
            return null;
        }
        return v == null ? null : v.intValue();
    }

    /** A decimal read exactly as written ({@code 111.1}, {@code 20000.00}); Bean Validation checks its digits. */
    public BigDecimal decimal(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.scale() > MAX_DIGITS || d.precision() - d.scale() > MAX_DIGITS) {
                violations.add(index, column, "cannot read '" + v + "' as an amount: it has more than " + MAX_DIGITS + " digits");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            violations.add(index, column, "cannot read '" + v + "' as a decimal number (20000.00)");
            return null;
        }
    }

    /** A date as ISO text ({@code 2025-03-10}); an XLSX date cell reads as that text. */
    public LocalDate date(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            violations.add(index, column, "cannot read '" + v + "' as a date (YYYY-MM-DD, or a date cell)");
            return null;
        }
    }

    public <E extends Enum<E>> E oneOf(String column, Class<E> type) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            violations.add(index, column, "cannot read '" + v + "' as one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
