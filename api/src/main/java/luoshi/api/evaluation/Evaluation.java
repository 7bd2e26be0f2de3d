package luoshi.api.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.Dimension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The composite evaluation of a region (综合评价; API.md, "Evaluation and trends"): {@code score} = 100 × Σ weight of the
 * COMPLIANT items ÷ Σ weight of the COMPLIANT, PENDING, NON_COMPLIANT and NO_DATA items of the region and its subtree,
 * with one decimal, null when nothing counts; the same per dimension; the region's rank among its siblings (1 = best,
 * ties share a rank) and each child's among the children.
 */
@Schema(name = "Evaluation", description = "一个地区的综合评价 (the weighted score of a region's subtree)")
public record Evaluation(
        @Schema(example = "330600") String regionCode,
        @Schema(example = "绍兴市") String regionName,
        @Schema(example = "2025") int year,
        @Schema(example = "2026-11-22") LocalDate asOf,
        @Schema(description = SCORE, example = "81.3", nullable = true) BigDecimal score,
        @Schema(description = "The score of each dimension, null where nothing counts") Dimensions dimensions,
        @Schema(description = RANK, example = "4", nullable = true) Integer rank,
        @Schema(description = "The number of siblings, the region included; null as rank is", example = "11", nullable = true)
        Integer of,
        List<ChildEvaluation> children,
        @Schema(description = "The services that did not answer within their timeout: their items are missing from every "
                + "score", example = "[]") List<String> incomplete,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "Why an answer may be out of date") List<String> warnings) {

    static final String SCORE = "100 × Σ weight of the COMPLIANT items ÷ Σ weight of the COMPLIANT, PENDING, "
            + "NON_COMPLIANT and NO_DATA items of the subtree, one decimal; null when nothing counts";
    static final String RANK = "The place among the siblings by score (1 = best; ties share a rank; a region with no "
            + "score has none); null for a region whose parent's subtree the caller may not read";

    /** The score of each dimension ({@link Dimension}; ZHEJIANG-2020 §8, SHAOXING-2015), null where nothing counts. */
    @Schema(name = "DimensionScores")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Dimensions(
            @JsonProperty("COMMON") @Schema(description = "共性指标", example = "85.0", nullable = true) BigDecimal common,
            @JsonProperty("SPECIFIC") @Schema(description = "个性指标", example = "70.0", nullable = true) BigDecimal specific,
            @JsonProperty("PROGRESS") @Schema(description = "进度指标", example = "60.0", nullable = true) BigDecimal progress,
            @JsonProperty("SATISFACTION") @Schema(description = "群众满意度", example = "100.0", nullable = true)
            BigDecimal satisfaction) {

        public static Dimensions of(Map<Dimension, BigDecimal> scores) {
            return new Dimensions(scores.get(Dimension.COMMON), scores.get(Dimension.SPECIFIC), scores.get(Dimension.PROGRESS),
                    scores.get(Dimension.SATISFACTION));
        }
    }

    /** A child of the region: the score of its subtree and its rank among the region's children. */
    @Schema(name = "ChildEvaluation")
    public record ChildEvaluation(
            @Schema(example = "330602") String regionCode,
            @Schema(example = "越城区") String regionName,
            @Schema(description = SCORE, example = "90.0", nullable = true) BigDecimal score,
            @Schema(description = "The place among the region's children (1 = best; ties share a rank); null without a "
                    + "score", example = "1", nullable = true) Integer rank) {
    }
}
