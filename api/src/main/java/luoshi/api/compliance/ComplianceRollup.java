package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The compliance of a region's whole subtree (API.md, Compliance, rollup): {@code counts} over the
 * region and everything below it, each child's counts over that child's subtree, and the counts per
 * requirement. Every {@code complianceRate} is {@link StatusCounts#complianceRate()}.
 */
@Schema(name = "ComplianceRollup", description = "一个地区及其全部下级的落实情况汇总 (the compliance of a region's subtree)")
public record ComplianceRollup(
        @Schema(example = "330600") String regionCode,
        @Schema(example = "绍兴市") String regionName,
        @Schema(example = "2025") int year,
        @Schema(example = "2026-11-22") LocalDate asOf,
        StatusCounts counts,
        @Schema(description = RATE, example = "0.8125", nullable = true) BigDecimal complianceRate,
        List<ChildCompliance> children,
        List<RequirementCompliance> byRequirement,
        @Schema(description = "The services that did not answer within their timeout (or whose circuit is open): "
                + "their items are missing from every count",
                example = "[]") List<String> incomplete,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "Why an answer may be out of date") List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The rectifications (整改) of the subtree whose period starts in the year, by status, and "
                + "those open past their due date on asOf (API.md, \"Rectification\"); absent when review-service did not "
                + "answer") RectificationCounts rectifications) {

    public ComplianceRollup(String regionCode, String regionName, int year, LocalDate asOf, StatusCounts counts,
            BigDecimal complianceRate, List<ChildCompliance> children, List<RequirementCompliance> byRequirement,
            List<String> incomplete, List<String> warnings) {
        this(regionCode, regionName, year, asOf, counts, complianceRate, children, byRequirement, incomplete, warnings, null);
    }

    static final String RATE = "COMPLIANT ÷ (COMPLIANT + PENDING + NON_COMPLIANT + NO_DATA), rounded to 4 decimals; "
            + "null when that sum is 0";

    /** A child of the region, with the counts of its own subtree. */
    @Schema(name = "ChildCompliance")
    public record ChildCompliance(
            @Schema(example = "330602") String regionCode,
            @Schema(example = "越城区") String regionName,
            StatusCounts counts,
            @Schema(description = RATE, example = "0.875", nullable = true) BigDecimal complianceRate) {

        public static ChildCompliance of(String regionCode, String regionName, StatusCounts counts) {
            return new ChildCompliance(regionCode, regionName, counts, counts.complianceRate());
        }
    }

    /** One requirement counted over the whole subtree. */
    @Schema(name = "RequirementCompliance")
    public record RequirementCompliance(
            @Schema(example = "TOWNSHIP_YOUTH_LEAGUE_FUNDING") String requirementId,
            StatusCounts counts,
            @Schema(description = RATE, example = "0.9", nullable = true) BigDecimal complianceRate) {

        public static RequirementCompliance of(String requirementId, StatusCounts counts) {
            return new RequirementCompliance(requirementId, counts, counts.complianceRate());
        }
    }
}
