package luoshi.api.funding;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import luoshi.api.common.Money;

/** Union fees (工会经费) due and collected for a region and year: {@code {"due":"1200000.00","collected":"1188000.00"}}. */
public record UnionFees(
        @NotNull @Money @DecimalMin("0.00") @Digits(integer = 13, fraction = 2,
                message = "must have at most 13 digits and 2 decimals") BigDecimal due,
        @NotNull @Money @DecimalMin("0.00") @Digits(integer = 13, fraction = 2,
                message = "must have at most 13 digits and 2 decimals") BigDecimal collected) {
}
