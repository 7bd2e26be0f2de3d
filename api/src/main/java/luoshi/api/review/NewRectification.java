package luoshi.api.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import luoshi.api.common.PlainText;
import luoshi.api.region.ValidRegionCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rectification opened by hand (an operator of a region above the item's): the item (requirement, region, the
 * start of its period), the due date (by default the setting, 90 days from today) and what is to be put right.
 */
public record NewRectification(
        @NotNull @Size(max = 64) @PlainText @Schema(example = "TOWNSHIP_YOUTH_LEAGUE_FUNDING") String requirementId,
        @NotNull @ValidRegionCode @Schema(example = "330602001") String regionCode,
        @NotNull @Schema(example = "2025-01-01") LocalDate periodStart,
        @Schema(example = "2026-03-31", nullable = true, description = "Today plus the configured days (90) when left out")
        LocalDate dueDate,
        @NotNull @Size(max = 1000) @PlainText(multiline = true) @Schema(example = "2025年度团建经费不足2万元，限期补足")
        String description) {
}
