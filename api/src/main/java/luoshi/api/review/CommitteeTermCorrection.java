package luoshi.api.review;

import luoshi.api.region.ValidRegionCode;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A correction of a committee term (API.md, "Corrections"): its first and last day, and its region when that was
 * wrong too (omitted: the term stays in its region).
 */
public record CommitteeTermCorrection(
        @ValidRegionCode @Schema(example = "330602", description = "Omitted: the term's region stays") String regionCode,
        @NotNull @Schema(example = "2021-10-01") LocalDate start,
        @NotNull @Schema(example = "2026-10-31") LocalDate end) {
}
