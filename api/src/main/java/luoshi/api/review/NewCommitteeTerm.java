package luoshi.api.review;

import luoshi.api.region.ValidRegionCode;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A party committee's term (党委任期): its region and first and last day. */
public record NewCommitteeTerm(
        @NotNull @ValidRegionCode @Schema(example = "330600") String regionCode,
        @NotNull @Schema(example = "2021-10-01") LocalDate start,
        @NotNull @Schema(example = "2026-09-30") LocalDate end) {
}
