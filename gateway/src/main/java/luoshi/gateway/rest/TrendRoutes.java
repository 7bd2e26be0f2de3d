package luoshi.gateway.rest;

import java.time.LocalDate;
import luoshi.api.evaluation.Trend;
import luoshi.api.evaluation.TrendApi;
import luoshi.api.region.RegionCode;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;

/**
 * TrendApi of review-service (which keeps the snapshots), re-exposed: relayed as the service answers it (see
 * {@link Route}). A read retried once after a fault: a snapshot it takes on demand exists once whatever is retried.
 */
public class TrendRoutes implements TrendApi {

    private final Route<TrendApi> route;

    public TrendRoutes(Services services) {
        this.route = services.review().route(TrendApi.class);
    }

    @Override
    public Trend trend(RegionCode regionCode, Integer year, LocalDate from, LocalDate to) {
        return route.read(api -> api.trend(regionCode, year, from, to));
    }
}
