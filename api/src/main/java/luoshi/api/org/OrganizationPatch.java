package luoshi.api.org;

import luoshi.api.common.PlainText;
import luoshi.api.region.ValidRegionCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A correction of an organisation (API.md, "Corrections"): only the fields the JSON names change. A new
 * {@code regionCode} moves the organisation (the caller must write both regions); {@code "superiorId": null} given
 * explicitly removes the superior link. The rules of a creation hold for the result: a superior of the same type
 * above its region, one organisation of a type and name per region.
 */
@Schema(name = "OrganizationPatch", description = "The fields of an organisation to correct; fields not named stay as they are",
        example = "{\"name\":\"共青团绍兴市越城区塔山街道工作委员会\"}")
public record OrganizationPatch(
        @Schema(example = "330602001") @ValidRegionCode String regionCode,
        @Schema(example = "YOUTH_LEAGUE") OrganizationType type,
        @Schema(example = "共青团绍兴市越城区塔山街道工作委员会", maxLength = 200) @PlainText String name,
        @Schema(nullable = true, example = "12", description = "the superior organisation; null (given explicitly) removes it")
        Long superiorId) {
}
