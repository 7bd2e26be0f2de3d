package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Items counted per status: {@code {"COMPLIANT":3,"PENDING":0,…,"waived":1}}. {@code waived} counts the waived items,
 * which are also counted under NOT_APPLICABLE; it is left out when there is none (API.md, "Catalog versions, waivers, owners").
 */
@JsonPropertyOrder({"COMPLIANT", "PENDING", "NON_COMPLIANT", "NO_DATA", "NOT_APPLICABLE", "waived"})
public record StatusCounts(
        @JsonProperty("COMPLIANT") long compliant,
        @JsonProperty("PENDING") long pending,
        @JsonProperty("NON_COMPLIANT") long nonCompliant,
        @JsonProperty("NO_DATA") long noData,
        @JsonProperty("NOT_APPLICABLE") long notApplicable,
        @JsonProperty("waived") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        @Schema(description = "Waived items, also counted under NOT_APPLICABLE; absent when none is", example = "1") long waived) {

    public static final StatusCounts ZERO = new StatusCounts(0, 0, 0, 0, 0, 0);

    public StatusCounts(long compliant, long pending, long nonCompliant, long noData, long notApplicable) {
        this(compliant, pending, nonCompliant, noData, notApplicable, 0);
    }

    /** {@code n} waived items: NOT_APPLICABLE, and counted as waived. */
    public static StatusCounts waived(long n) {
        return new StatusCounts(0, 0, 0, 0, n, n);
    }

    public static StatusCounts of(ComplianceStatus status, long n) {
        return switch (status) {
            case COMPLIANT -> new StatusCounts(n, 0, 0, 0, 0);
            case PENDING -> new StatusCounts(0, n, 0, 0, 0);
            case NON_COMPLIANT -> new StatusCounts(0, 0, n, 0, 0);
            case NO_DATA -> new StatusCounts(0, 0, 0, n, 0);
            case NOT_APPLICABLE -> new StatusCounts(0, 0, 0, 0, n);
        };
    }

    public static StatusCounts count(Collection<ComplianceStatus> statuses) {
        StatusCounts c = ZERO;
        for (ComplianceStatus s : statuses) {
            c = c.plus(of(s, 1));
        }
        return c;
    }

    public StatusCounts plus(StatusCounts o) {
        return new StatusCounts(compliant + o.compliant, pending + o.pending, nonCompliant + o.nonCompliant,
                noData + o.noData, notApplicable + o.notApplicable, waived + o.waived);
    }

    public long get(ComplianceStatus status) {
        return switch (status) {
            case COMPLIANT -> compliant;
            case PENDING -> pending;
            case NON_COMPLIANT -> nonCompliant;
            case NO_DATA -> noData;
            case NOT_APPLICABLE -> notApplicable;
        };
    }

    /**
     * API.md: COMPLIANT ÷ (COMPLIANT + PENDING + NON_COMPLIANT + NO_DATA), rounded to 4 decimals
     * (half up), {@code null} when that sum is 0.
     */
    public BigDecimal complianceRate() {
        long denominator = compliant + pending + nonCompliant + noData;
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(compliant).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
