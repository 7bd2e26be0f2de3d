package luoshi.gateway.rest;

import luoshi.api.region.RegionCode;
import java.io.InputStream;
import luoshi.api.common.Page;
import luoshi.api.region.ImportResult;
import luoshi.api.region.Region;
import luoshi.api.region.RegionWrite;
import luoshi.api.region.RegionsApi;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import org.jboss.resteasy.reactive.RestResponse;

/** RegionsApi of org-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class RegionsRoutes implements RegionsApi {

    private final Route<RegionsApi> route;

    public RegionsRoutes(Services services) {
        this.route = services.org().route(RegionsApi.class);
    }

    @Override
    public RestResponse<Region> put(RegionCode code, RegionWrite region) {
        return route.write(api -> api.put(code, region));
    }

    @Override
    public Region get(RegionCode code) {
        return route.read(api -> api.get(code));
    }

    @Override
    public Page<Region> children(RegionCode code, int page, int size) {
        return route.read(api -> api.children(code, page, size));
    }

    @Override
    public ImportResult importRegions(InputStream regions) {
        return route.bulkWrite(regions, RegionsApi::importRegions);
    }

    @Override
    public ImportResult importRegionsCsv(InputStream csv) {
        return route.bulkWrite(csv, RegionsApi::importRegionsCsv);
    }
}
