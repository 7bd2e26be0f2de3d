package luoshi.api.funding;

import luoshi.api.common.PlainText;
import luoshi.api.region.ValidRegionCode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import luoshi.api.common.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A funding record to store: one allocation to one region, for one category and fiscal year. */
@Schema(description = "A funding allocation (经费拨付) to a region for one category and fiscal (= calendar) year")
public record NewFundingRecord(
        @NotNull @ValidRegionCode @Schema(example = "330602001") String regionCode,
        @NotNull @Schema(example = "YOUTH_LEAGUE_WORK") FundingCategory category,
        @NotNull @Min(FundingRecord.FIRST_FISCAL_YEAR) @Max(FundingRecord.LAST_FISCAL_YEAR)
        @Schema(example = "2025") Integer fiscalYear,
        @NotNull @Money @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
        @Digits(integer = 13, fraction = 2, message = "must have at most 13 digits and 2 decimals") BigDecimal amount,
        @Size(max = 100) @Schema(example = "绍市财〔2025〕12号", description = "The allocating document's number")
        @PlainText String documentRef) {
}
