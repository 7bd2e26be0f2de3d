package luoshi.api.org;

import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mass organisation of a region (API.md, "Organisations and leaders"). */
@Schema(description = "A mass organisation of a region")
public record Organization(
        @Schema(example = "41") long id,
        @Schema(example = "330602001") String regionCode,
        @Schema(example = "YOUTH_LEAGUE") OrganizationType type,
        @Schema(example = "共青团绍兴市越城区塔山街道工作委员会") String name,
        @Schema(nullable = true, example = "12") Long superiorId,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "3") long version) implements Versioned {
}
