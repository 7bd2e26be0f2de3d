package luoshi.api.funding;

import java.math.BigDecimal;
import luoshi.api.common.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A correction of a funding record (API.md, "Corrections"): only the fields the JSON names change, each with the rules
 * of a creation ({@link NewFundingRecord}); {@code "documentRef": null} given explicitly removes the document number. A
 * new {@code regionCode} moves the record (the caller must write both regions).
 */
@Schema(name = "FundingPatch", description = "The fields of a funding record to correct; fields not named stay as they are",
        example = "{\"amount\":\"20000.00\"}")
public record FundingPatch(
        @Schema(example = "330602001") String regionCode,
        @Schema(example = "YOUTH_LEAGUE_WORK") FundingCategory category,
        @Schema(example = "2025") Integer fiscalYear,
        @Money BigDecimal amount,
        @Schema(nullable = true, example = "绍市财〔2025〕12号", maxLength = 100,
                description = "The allocating document's number; null (given explicitly) removes it") String documentRef) {
}
