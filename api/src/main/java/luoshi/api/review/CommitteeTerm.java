package luoshi.api.review;

import java.time.LocalDate;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CommitteeTerm(
        @Schema(example = "5f0c2a9e-3b1d-4c55-9d0e-1f2a3b4c5d6e") String id,
        @Schema(example = "330600") String regionCode,
        @Schema(example = "2021-10-01") LocalDate start,
        @Schema(example = "2026-09-30") LocalDate end,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "2") long version) implements Versioned {
}
