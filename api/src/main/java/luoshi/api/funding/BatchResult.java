package luoshi.api.funding;

/** {@code {"accepted":n}}: every row of the batch was stored. */
public record BatchResult(int accepted) {
}
