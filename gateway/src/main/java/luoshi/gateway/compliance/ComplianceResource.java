package luoshi.gateway.compliance;

import java.time.Clock;
import java.time.LocalDate;
import luoshi.api.compliance.ComplianceApi;
import luoshi.api.compliance.ComplianceReport;
import luoshi.api.compliance.ComplianceRollup;

/** The public compliance views (the paths and documentation are on {@link ComplianceApi}). */
public class ComplianceResource implements ComplianceApi {

    private final ComplianceViews views;
    private final Clock clock;

    ComplianceResource(ComplianceViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @Override
    public ComplianceReport report(String regionCode, Integer year, LocalDate asOf) {
        return views.report(RegionYear.of(regionCode, year, asOf, clock));
    }

    @Override
    public ComplianceRollup rollup(String regionCode, Integer year, LocalDate asOf) {
        return views.rollup(RegionYear.of(regionCode, year, asOf, clock));
    }
}
