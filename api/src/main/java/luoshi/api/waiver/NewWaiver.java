package luoshi.api.waiver;

import luoshi.api.common.PlainText;
import luoshi.api.region.ValidRegionCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request to waive a requirement for one region from {@code from} to {@code to} (both included): granted by an
 * admin of a region strictly above it, with the reason (原则上: a duty "in principle" admits justified exceptions).
 */
@Schema(name = "NewWaiver", example = "{\"requirementId\":\"TOWNSHIP_YOUTH_LEAGUE_FUNDING\",\"regionCode\":\"330602001\","
        + "\"from\":\"2025-01-01\",\"to\":\"2025-12-31\",\"reason\":\"2025年受台风灾害影响，经费调剂用于灾后重建\","
        + "\"documentRef\":\"越政办〔2025〕12号\"}")
public record NewWaiver(
        @NotBlank @Schema(example = "TOWNSHIP_YOUTH_LEAGUE_FUNDING") String requirementId,
        @NotBlank @ValidRegionCode @Schema(example = "330602001") String regionCode,
        @NotNull @Schema(example = "2025-01-01") LocalDate from,
        @NotNull @Schema(example = "2025-12-31") LocalDate to,
        @NotNull @Size(max = 1000) @Schema(example = "2025年受台风灾害影响，经费调剂用于灾后重建") @PlainText(multiline = true) String reason,
        @Size(max = 255) @Schema(example = "越政办〔2025〕12号") @PlainText String documentRef) {
}
