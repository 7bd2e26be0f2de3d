package luoshi.api.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.StatusCounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The trend of a region (API.md, "Evaluation and trends"): one point per day on which a snapshot of its subtree was
 * taken, in date order; each point keeps the rollup's counts and compliance rate and the evaluation's score and
 * dimension scores as they were on that day.
 */
@Schema(name = "Trend", description = "一个地区的趋势: the daily snapshots of its subtree's counts, rate and score")
public record Trend(
        @Schema(example = "330600") String regionCode,
        @Schema(description = "The year evaluated", example = "2026") int year,
        @Schema(description = "The snapshots, oldest first") List<Point> points,
        @Schema(description = "The services that did not answer when a snapshot was to be taken on demand: no point was "
                + "kept for today, and the next call tries again", example = "[]") List<String> incomplete) {

    /** The subtree's rollup and evaluation as they were on {@code date}. */
    @Schema(name = "TrendPoint")
    public record Point(
            @Schema(description = "The day the snapshot was taken (the verdicts as of that day)", example = "2026-11-22")
            LocalDate date,
            StatusCounts counts,
            @Schema(description = "COMPLIANT ÷ (COMPLIANT + PENDING + NON_COMPLIANT + NO_DATA), 4 decimals; null when that "
                    + "sum is 0", example = "0.8125", nullable = true) BigDecimal complianceRate,
            @Schema(description = Evaluation.SCORE, example = "81.3", nullable = true) BigDecimal score,
            @Schema(description = "The score of each dimension, null where nothing counted") Evaluation.Dimensions dimensions) {
    }
}
