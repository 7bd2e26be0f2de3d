package luoshi.api.compliance;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The open rectification (整改: OPEN, SUBMITTED or REJECTED) of an item, as review-service keeps it (API.md,
 * "Rectification").
 */
@Schema(name = "ItemRectification", description = "未结的整改 (the item's open rectification)")
public record ItemRectification(
        @Schema(example = "5b0d7c1e-2a9b-4e8a-9b0c-1d2e3f4a5b6c") String id,
        @Schema(example = "OPEN", enumeration = {"OPEN", "SUBMITTED", "REJECTED"}) String status,
        @Schema(example = "2026-03-31") LocalDate dueDate,
        @Schema(description = "The item the rectification is of: its requirement", example = "TOWNSHIP_YOUTH_LEAGUE_FUNDING")
        String requirementId,
        @Schema(example = "330602001") String regionCode,
        @Schema(example = "2025-01-01") LocalDate periodStart) {
}
