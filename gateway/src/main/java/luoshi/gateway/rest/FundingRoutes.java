package luoshi.gateway.rest;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.funding.FundingApi;
import luoshi.api.funding.FundingCategory;
import luoshi.api.funding.FundingRecord;
import luoshi.api.funding.NewFundingRecord;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import luoshi.platform.Patch;
import org.jboss.resteasy.reactive.RestResponse;

/** FundingApi of funding-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class FundingRoutes implements FundingApi {

    private final Route<FundingApi> route;

    public FundingRoutes(Services services) {
        this.route = services.funding().route(FundingApi.class);
    }

    @Override
    public RestResponse<FundingRecord> create(NewFundingRecord record) {
        return route.write(api -> api.create(record));
    }

    @Override
    public BatchResult createBatch(InputStream rows) {
        return route.bulkWrite(rows, FundingApi::createBatch);
    }

    @Override
    public BatchResult createBatchXlsx(InputStream workbook) {
        return route.bulkWrite(workbook, FundingApi::createBatchXlsx);
    }

    @Override
    public RestResponse<byte[]> batchTemplate() {
        return route.read(FundingApi::batchTemplate);
    }

    @Override
    public Page<FundingRecord> list(RegionCode regionCode, Integer fiscalYear, FundingCategory category, int page, int size) {
        return route.read(api -> api.list(regionCode, fiscalYear, category, page, size));
    }

    @Override
    public FundingRecord get(String id) {
        return route.read(api -> api.get(id));
    }

    @Override
    public FundingRecord update(String id, NewFundingRecord record) {
        return route.write(api -> api.update(id, record));
    }

    @Override
    public FundingRecord patch(String id, ObjectNode changes) {
        return route.write(api -> api.patch(id, Patch.sound(changes)));
    }

    @Override
    public void delete(String id) {
        route.run(api -> api.delete(id));
    }
}
