package luoshi.api.funding;

import java.math.BigDecimal;
import luoshi.api.common.Money;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored funding record; {@code id} is its stable identity (a number, as a string). */
public record FundingRecord(
        @Schema(example = "1024") String id,
        @Schema(example = "330602001") String regionCode,
        FundingCategory category,
        @Schema(example = "2025") int fiscalYear,
        @Money BigDecimal amount,
        @Schema(example = "绍市财〔2025〕12号") String documentRef,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "3") long version) implements Versioned {

    /** The years a record may belong to: the policy dates from 2015; anything far off is a typo. */
    public static final long FIRST_FISCAL_YEAR = 2000;
    public static final long LAST_FISCAL_YEAR = 2100;
}
