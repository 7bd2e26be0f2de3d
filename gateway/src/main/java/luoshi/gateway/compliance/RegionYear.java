package luoshi.gateway.compliance;

import java.time.Clock;
import java.time.LocalDate;
import luoshi.platform.Clocks;
import luoshi.platform.ProblemException;
import luoshi.api.region.RegionCode;

/** What a compliance view is asked about: a valid region code, a year and the date of the verdicts. */
record RegionYear(String regionCode, int year, LocalDate asOf) {

    /** API.md: {@code year} defaults to the current year and {@code asOf} to today, both on the clock. */
    static RegionYear of(String regionCode, Integer year, LocalDate asOf, Clock clock) {
        if (!RegionCode.isCountry(regionCode) && RegionCode.levelOf(regionCode).isEmpty()) {
            throw ProblemException.badRequest("regionCode",
                    "must be a region code of 6, 9 or 12 digits (000000 for the country)");
        }
        return new RegionYear(regionCode, year != null ? year : LocalDate.now(clock).getYear(),
                Clocks.asOfOrToday(asOf, clock));
    }
}
