package luoshi.gateway.compliance;

import java.time.Clock;
import java.time.LocalDate;
import luoshi.platform.Clocks;
import luoshi.api.region.RegionCode;

/** What a compliance view is asked about: a valid region code, a year and the date of the verdicts. */
record RegionYear(RegionCode regionCode, int year, LocalDate asOf) {

    /** API.md: {@code year} defaults to the current year and {@code asOf} to today, both on the clock. */
    static RegionYear of(RegionCode regionCode, Integer year, LocalDate asOf, Clock clock) {
        return new RegionYear(regionCode, year != null ? year : LocalDate.now(clock).getYear(),
                Clocks.asOfOrToday(asOf, clock));
    }
}
