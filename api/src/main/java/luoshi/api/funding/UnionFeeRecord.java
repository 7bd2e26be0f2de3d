package luoshi.api.funding;

import java.math.BigDecimal;
import luoshi.api.common.Money;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The union fees stored for a region and year. */
public record UnionFeeRecord(
        @Schema(example = "330602") String regionCode,
        @Schema(example = "2025") int year,
        @Money BigDecimal due,
        @Money BigDecimal collected,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "2") long version) implements Versioned {
}
