package luoshi.rules.spi;

/**
 * A parameter a jurisdiction may set for its subtree (REQUIREMENTS.md, Jurisdiction parameters): which way is stricter
 * (a setting may only be stricter than what is in force above it) and the values it may take.
 */
public record Adjustable(Strictness strictness, Bounds bounds) {

    /** A minimum: a higher value is stricter (不少于). */
    public static Adjustable higher(Bounds bounds) {
        return new Adjustable(Strictness.HIGHER, bounds);
    }

    /** A maximum: a lower value is stricter. */
    public static Adjustable lower(Bounds bounds) {
        return new Adjustable(Strictness.LOWER, bounds);
    }
}
