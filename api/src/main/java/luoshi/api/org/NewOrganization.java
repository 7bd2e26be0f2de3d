package luoshi.api.org;

import luoshi.api.common.PlainText;
import luoshi.api.region.ValidRegionCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An organisation to create. {@code superiorId} (optional) is the organisation that leads it from above
 * (dual leadership): of the same type, in an ancestor region.
 */
@Schema(description = "A new mass organisation of a region",
        example = "{\"regionCode\":\"330602001\",\"type\":\"YOUTH_LEAGUE\",\"name\":\"共青团绍兴市越城区塔山街道工作委员会\"}")
public record NewOrganization(
        @Schema(example = "330602001") @NotBlank @ValidRegionCode String regionCode,
        @Schema(example = "YOUTH_LEAGUE") @NotNull OrganizationType type,
        @Schema(example = "共青团绍兴市越城区塔山街道工作委员会") @NotNull @Size(max = 200) @PlainText String name,
        @Schema(nullable = true, example = "12") Long superiorId) {
}
