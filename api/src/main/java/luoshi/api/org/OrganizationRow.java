package luoshi.api.org;

import luoshi.api.common.PlainText;
import luoshi.api.region.ValidRegionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of an organisation import: an organisation as {@link NewOrganization} has it, with its leaders
 * (optional) as {@link NewLeader} has them. {@code superiorId} names an organisation stored already.
 */
@Schema(description = "One organisation of an import, with its leaders",
        example = "{\"regionCode\":\"330602001\",\"type\":\"YOUTH_LEAGUE\",\"name\":\"共青团绍兴市越城区塔山街道工作委员会\","
                + "\"leaders\":[{\"name\":\"王丽\",\"role\":\"HEAD\",\"employment\":\"FULL_TIME\",\"frontline\":false,"
                + "\"from\":\"2024-01-01\",\"to\":null}]}")
public record OrganizationRow(
        @Schema(example = "330602001") @NotBlank @ValidRegionCode String regionCode,
        @Schema(example = "YOUTH_LEAGUE") @NotNull OrganizationType type,
        @Schema(example = "共青团绍兴市越城区塔山街道工作委员会") @NotNull @Size(max = 200) @PlainText String name,
        @Schema(nullable = true, example = "12") Long superiorId,
        @Schema(nullable = true) List<@Valid @NotNull NewLeader> leaders) {

    public NewOrganization organization() {
        return new NewOrganization(regionCode, type, name, superiorId);
    }

    public List<NewLeader> leadersOrNone() {
        return leaders == null ? List.of() : leaders;
    }
}
