package luoshi.api.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A region (API.md, "Regions and population"): also one row of a bulk import. {@code level} and
 * {@code parentCode} must be the ones the code implies ({@link RegionCode}); {@code parentCode}
 * is null for a province only. Its {@code version} is the one org-service's change feed gave its last write (unique
 * among all regions and populations, and only growing); in an import row it is ignored.
 */
@Schema(description = "A region: 省/市/县/乡镇(街道)/村")
public record Region(
        @Schema(example = "330602") @NotBlank @ValidRegionCode String code,
        @Schema(example = "越城区") @NotBlank @Size(max = 100) String name,
        @Schema(example = "COUNTY", nullable = true, description = "null for 000000, the country") @NotNull RegionLevel level,
        @Schema(example = "330600", nullable = true) @ValidRegionCode String parentCode,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "44718") long version) implements Versioned {
}
