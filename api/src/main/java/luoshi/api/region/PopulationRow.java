package luoshi.api.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of a population import: {@code regionCode,year,total[,female,youth]}. */
@Schema(description = "One row of a population import")
public record PopulationRow(
        @Schema(example = "330602") @NotBlank @ValidRegionCode String regionCode,
        @Schema(example = "2025") @NotNull Integer year,
        @Schema(example = "527600") @NotNull @PositiveOrZero Long total,
        @Schema(nullable = true) @PositiveOrZero Long female,
        @Schema(nullable = true) @PositiveOrZero Long youth) {
}
