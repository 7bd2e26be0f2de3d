package luoshi.api.region;

import luoshi.api.common.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/v1/regions/{code}}: the code is in the path. */
@Schema(description = "A region to create or rename", example = "{\"name\":\"绍兴市\",\"level\":\"CITY\",\"parentCode\":\"330000\"}")
public record RegionWrite(
        @Schema(example = "绍兴市") @NotNull @Size(max = 100) @PlainText String name,
        @Schema(example = "CITY") @NotNull RegionLevel level,
        @Schema(example = "330000", nullable = true, description = "null only for a PROVINCE") @ValidRegionCode String parentCode) {
}
