package luoshi.funding.rest;

import luoshi.api.region.RegionCode;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.api.funding.UnionFeeRow;
import luoshi.api.funding.UnionFees;
import luoshi.api.funding.UnionFeesApi;
import luoshi.batch.BatchReader;
import luoshi.funding.service.UnionFeeService;

/** Union fees: a batch is read here as a stream; everything else, the caller's rights included, in {@link UnionFeeService}. */
public class UnionFeesResource implements UnionFeesApi {

    private final UnionFeeService unionFees;
    private final BatchReader json;

    UnionFeesResource(UnionFeeService unionFees, BatchReader json) {
        this.unionFees = unionFees;
        this.json = json;
    }

    @Override
    public UnionFeeRecord put(RegionCode regionCode, int year, UnionFees fees) {
        return unionFees.put(RegionCode.text(regionCode), year, fees);
    }

    @Override
    public BatchResult putBatch(InputStream body) {
        return unionFees.putBatch(json.read(body, UnionFeeRow.class, BatchResult.MAX_ROWS, UnionFeeService.rowRule()));
    }

    @Override
    public UnionFeeRecord get(RegionCode regionCode, int year) {
        return unionFees.get(RegionCode.text(regionCode), year);
    }

    @Override
    public void delete(RegionCode regionCode, int year) {
        unionFees.delete(RegionCode.text(regionCode), year);
    }
}
