package luoshi.gateway.rest;

import java.time.LocalDate;
import luoshi.api.evaluation.SnapshotRun;
import luoshi.api.evaluation.SnapshotsApi;
import luoshi.api.region.RegionCode;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;

/** SnapshotsApi of review-service, re-exposed: a long run, with its own timeout and bulkhead (see {@link Route}). */
public class SnapshotsRoutes implements SnapshotsApi {

    private final Route<SnapshotsApi> route;

    public SnapshotsRoutes(Services services) {
        this.route = services.review().route(SnapshotsApi.class);
    }

    @Override
    public SnapshotRun run(LocalDate asOf, RegionCode regionCode) {
        return route.bulkWrite(api -> api.run(asOf, regionCode));
    }
}
