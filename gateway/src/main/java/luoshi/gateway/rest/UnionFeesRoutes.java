package luoshi.gateway.rest;

import org.jboss.resteasy.reactive.RestResponse;
import luoshi.api.region.RegionCode;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.api.funding.UnionFees;
import luoshi.api.funding.UnionFeesApi;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;

/** UnionFeesApi of funding-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class UnionFeesRoutes implements UnionFeesApi {

    private final Route<UnionFeesApi> route;

    public UnionFeesRoutes(Services services) {
        this.route = services.funding().route(UnionFeesApi.class);
    }

    @Override
    public UnionFeeRecord put(RegionCode regionCode, int year, UnionFees fees) {
        return route.write(api -> api.put(regionCode, year, fees));
    }

    @Override
    public BatchResult putBatch(InputStream rows) {
        return route.bulkWrite(rows, UnionFeesApi::putBatch);
    }

    @Override
    public BatchResult putBatchXlsx(InputStream workbook) {
        return route.bulkWrite(workbook, UnionFeesApi::putBatchXlsx);
    }

    @Override
    public RestResponse<byte[]> batchTemplate() {
        return route.read(UnionFeesApi::batchTemplate);
    }

    @Override
    public UnionFeeRecord get(RegionCode regionCode, int year) {
        return route.read(api -> api.get(regionCode, year));
    }

    @Override
    public void delete(RegionCode regionCode, int year) {
        route.run(api -> api.delete(regionCode, year));
    }
}
