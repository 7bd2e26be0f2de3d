package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.region.RegionLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One version of a requirement (API.md, "Catalog versions, waivers, owners"): its levels, rule, weight and dimension
 * from {@code effectiveFrom} (null: from the beginning) to {@code effectiveTo} (null: until a later version). A period
 * is judged by the version in force on its due date.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "RequirementVersion", description = "要求的一个版本 (one version of a requirement)")
public record RequirementVersion(
        @Schema(example = "2") int version,
        @Schema(example = "2027-01-01", nullable = true) LocalDate effectiveFrom,
        @Schema(example = "2029-12-31", nullable = true, description = "null: until a later version") LocalDate effectiveTo,
        List<RegionLevel> levels,
        @Schema(example = "{\"type\":\"FUNDING_MIN_AMOUNT\",\"category\":\"YOUTH_LEAGUE_WORK\",\"minAmount\":\"30000.00\"}")
        ObjectNode rule,
        @Schema(example = "1", description = "The requirement's weight in the evaluation (综合评价)") BigDecimal weight,
        @Schema(nullable = true) Dimension dimension) {
}
