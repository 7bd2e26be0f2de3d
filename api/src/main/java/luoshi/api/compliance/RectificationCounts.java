package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The rectifications (整改) of a rollup's subtree and year (API.md, "Rectification"), per status, and {@code overdue}:
 * those still open (OPEN, SUBMITTED, REJECTED) past their due date on the rollup's date, also counted under their status.
 */
@Schema(name = "RectificationCounts", description = "整改任务数 (rectifications of the subtree, by status)")
@JsonPropertyOrder({"OPEN", "SUBMITTED", "VERIFIED", "REJECTED", "overdue"})
public record RectificationCounts(
        @JsonProperty("OPEN") long open,
        @JsonProperty("SUBMITTED") long submitted,
        @JsonProperty("VERIFIED") long verified,
        @JsonProperty("REJECTED") long rejected,
        @JsonProperty("overdue") @Schema(description = "Open and past the due date, also counted under their status")
        long overdue) {

    public static final RectificationCounts ZERO = new RectificationCounts(0, 0, 0, 0, 0);

    public RectificationCounts plus(RectificationCounts o) {
        return new RectificationCounts(open + o.open, submitted + o.submitted, verified + o.verified, rejected + o.rejected,
                overdue + o.overdue);
    }
}
