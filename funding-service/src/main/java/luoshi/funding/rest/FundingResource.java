package luoshi.funding.rest;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.funding.FundingApi;
import luoshi.api.funding.FundingCategory;
import luoshi.api.funding.FundingRecord;
import luoshi.api.funding.NewFundingRecord;
import luoshi.batch.BatchReader;
import luoshi.funding.service.FundingService;
import org.jboss.resteasy.reactive.RestResponse;

/** Funding records: a batch is read here as a stream; everything else, the caller's rights included, in {@link FundingService}. */
public class FundingResource implements FundingApi {

    private final FundingService funding;
    private final BatchReader json;

    FundingResource(FundingService funding, BatchReader json) {
        this.funding = funding;
        this.json = json;
    }

    @Override
    public RestResponse<FundingRecord> create(NewFundingRecord record) {
        return RestResponse.status(RestResponse.Status.CREATED, funding.create(record));
    }

    @Override
    public BatchResult createBatch(InputStream body) {
        return funding.createBatch(json.read(body, NewFundingRecord.class, BatchResult.MAX_ROWS));
    }

    @Override
    public Page<FundingRecord> list(RegionCode regionCode, Integer fiscalYear, FundingCategory category, int page, int size) {
        return funding.list(RegionCode.text(regionCode), fiscalYear, category, page, size);
    }

    @Override
    public FundingRecord get(String id) {
        return funding.get(id);
    }

    @Override
    public FundingRecord update(String id, NewFundingRecord record) {
        return funding.update(id, record);
    }

    @Override
    public FundingRecord patch(String id, ObjectNode changes) {
        return funding.patch(id, changes);
    }

    @Override
    public void delete(String id) {
        funding.delete(id);
    }
}
