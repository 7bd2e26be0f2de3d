package luoshi.api.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The weights of a subtree's items for the evaluation (API.md, "Evaluation and trends"): {@code compliant} sums the
 * weights of its COMPLIANT items, {@code counted} those of its COMPLIANT, PENDING, NON_COMPLIANT and NO_DATA items
 * (NOT_APPLICABLE, waived items included, counts in neither); overall ({@code all}) and per dimension. Each item weighs
 * what the version that judged it says.
 */
public record Weights(Sum all, Map<Dimension, Sum> dimensions) {

    public static final Weights ZERO = new Weights(Sum.ZERO, Map.of());

    /** Two sums of weights. */
    public record Sum(BigDecimal compliant, BigDecimal counted) {

        public static final Sum ZERO = new Sum(BigDecimal.ZERO, BigDecimal.ZERO);

        public Sum plus(Sum o) {
            return o == null ? this : new Sum(compliant.add(o.compliant), counted.add(o.counted));
        }

        /** 100 × compliant ÷ counted with one decimal (half up); null when nothing counts. */
        public BigDecimal score() {
            if (counted.signum() == 0) {
                return null;
            }
            return compliant.multiply(BigDecimal.valueOf(100)).divide(counted, 1, RoundingMode.HALF_UP);
        }
    }

    /** {@code n} items of {@code status}, each of {@code weight}, in {@code dimension} (null: in none). */
    public static Weights of(ComplianceStatus status, long n, BigDecimal weight, Dimension dimension) {
        if (status == ComplianceStatus.NOT_APPLICABLE || weight == null) {
            return ZERO;
        }
        BigDecimal total = weight.multiply(BigDecimal.valueOf(n));
        Sum sum = new Sum(status == ComplianceStatus.COMPLIANT ? total : BigDecimal.ZERO, total);
        return new Weights(sum, dimension == null ? Map.of() : Map.of(dimension, sum));
    }

    public Weights plus(Weights o) {
        if (o == null) {
            return this;
        }
        Map<Dimension, Sum> merged = new EnumMap<>(Dimension.class);
        if (dimensions != null) {
            merged.putAll(dimensions);
        }
        if (o.dimensions != null) {
            o.dimensions.forEach((d, s) -> merged.merge(d, s, Sum::plus));
        }
        return new Weights(all == null ? o.all : all.plus(o.all), Map.copyOf(merged));
    }

    /** The score of every dimension, null where nothing counts (all four named). */
    public Map<Dimension, BigDecimal> dimensionScores() {
        Map<Dimension, BigDecimal> scores = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            Sum s = dimensions == null ? null : dimensions.get(d);
            scores.put(d, s == null ? null : s.score());
        }
        return scores;
    }
}
