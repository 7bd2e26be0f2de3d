package luoshi.gateway.compliance;

import luoshi.api.region.RegionCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import luoshi.api.compliance.ComplianceApi;
import luoshi.api.compliance.ComplianceReport;
import luoshi.api.compliance.ComplianceRollup;
import luoshi.security.Access;

/**
 * The public compliance views (the paths and documentation are on {@link ComplianceApi}). Asynchronous: they run on
 * the I/O thread, ask the three services and return; the answer is written when they have answered, and no thread
 * waits for them (benchmarks/: a worker thread per request and one per downstream call cost a fifth of the gateway).
 */
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
    public CompletionStage<ComplianceReport> report(RegionCode regionCode, Integer year, LocalDate asOf) {
        access.read(regionCode.value());
        return views.report(RegionYear.of(regionCode, year, asOf, clock));
    }

    @Override
    public CompletionStage<ComplianceRollup> rollup(RegionCode regionCode, Integer year, LocalDate asOf) {
        access.read(regionCode.value());
        return views.rollup(RegionYear.of(regionCode, year, asOf, clock));
    }
}
