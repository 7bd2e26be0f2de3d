package luoshi.funding.compliance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import luoshi.api.common.Money;
import luoshi.api.compliance.Evidence;
import luoshi.api.funding.FundingCategory;
import luoshi.funding.store.FundingRow;

/** What funding-service knows of one region and year: its funding records, population and union fees. */
public record RegionFacts(String regionCode, int year, List<FundingRow> funding, Optional<Population> population,
        Optional<Fees> unionFees) {

    public record Population(long total) {
    }

    public record Fees(BigDecimal due, BigDecimal collected) {
    }

    /** The exact sum of the year's records of a category (0.00 when none). */
    public BigDecimal sum(FundingCategory category) {
        return of(category).stream().map(FundingRow::amount).reduce(BigDecimal.ZERO.setScale(Money.Amounts.SCALE), BigDecimal::add);
    }

    /** Every record summed, so that an inspector can add them up by hand. */
    public List<Evidence> fundingEvidence(FundingCategory category) {
        return of(category).stream().map(r -> new Evidence("FUNDING", String.valueOf(r.id()), r.documentRef(),
                Money.Amounts.format(r.amount()))).toList();
    }

    private List<FundingRow> of(FundingCategory category) {
        return funding.stream().filter(r -> r.category() == category && r.fiscalYear() == year).toList();
    }
}
