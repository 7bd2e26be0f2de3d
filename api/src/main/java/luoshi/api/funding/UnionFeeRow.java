package luoshi.api.funding;

import luoshi.api.region.ValidRegionCode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import luoshi.api.common.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of a union fee import: a region and year, with the fees as {@code PUT /api/v1/union-fees/{regionCode}/{year}}
 * takes them ({@link UnionFees}: each ≥ 0 with at most two decimals, a string or a number).
 */
@Schema(description = "The union fees (工会经费) due and collected for one region and year")
public record UnionFeeRow(
        @NotNull @ValidRegionCode @Schema(example = "330602") String regionCode,
        @NotNull @Min(FundingRecord.FIRST_FISCAL_YEAR) @Max(FundingRecord.LAST_FISCAL_YEAR) @Schema(example = "2025") Integer year,
        @NotNull @Money @DecimalMin("0.00") @Digits(integer = 13, fraction = 2, message = UnionFeeRow.DIGITS)
        BigDecimal due,
        @NotNull @Money @DecimalMin("0.00") @Digits(integer = 13, fraction = 2, message = UnionFeeRow.DIGITS)
        BigDecimal collected) {

    static final String DIGITS = "must have at most 13 digits and 2 decimals";
}
