package luoshi.api.region;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/v1/regions/{code}/population/{year}}. */
@Schema(description = "A population count", example = "{\"total\":527600}")
public record PopulationWrite(
        @Schema(example = "527600") @NotNull @PositiveOrZero Long total,
        @Schema(nullable = true, example = "262000") @PositiveOrZero Long female,
        @Schema(nullable = true, example = "98000") @PositiveOrZero Long youth) {
}
