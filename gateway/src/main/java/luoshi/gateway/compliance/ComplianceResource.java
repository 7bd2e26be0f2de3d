package luoshi.gateway.compliance;

import java.time.Clock;
import java.time.LocalDate;
import luoshi.api.compliance.ComplianceApi;
import luoshi.api.compliance.ComplianceReport;
import luoshi.api.compliance.ComplianceRollup;
import luoshi.security.Access;

/** The public compliance views (the paths and documentation are on {@link ComplianceApi}). */
public class ComplianceResource implements ComplianceApi {

    private final ComplianceViews views;
    private final Clock clock;
    private final Access access;

    ComplianceResource(ComplianceViews views, Clock clock, Access access) {
        this.views = views;
        this.clock = clock;
        this.access = access;
    }

    // the gateway checks the region before it asks anyone; each service checks the forwarded token again
    @Override
    public ComplianceReport report(String regionCode, Integer year, LocalDate asOf) {
        access.read(regionCode);
        return views.report(RegionYear.of(regionCode, year, asOf, clock));
    }

    @Override
    public ComplianceRollup rollup(String regionCode, Integer year, LocalDate asOf) {
        access.read(regionCode);
        return views.rollup(RegionYear.of(regionCode, year, asOf, clock));
    }
}
