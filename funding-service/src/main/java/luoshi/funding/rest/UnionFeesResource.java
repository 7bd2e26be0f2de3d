package luoshi.funding.rest;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import luoshi.api.common.BatchResult;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.api.funding.UnionFees;
import luoshi.api.funding.UnionFeesApi;
import luoshi.funding.service.UnionFeeService;

public class UnionFeesResource implements UnionFeesApi {

    private final UnionFeeService unionFees;

    UnionFeesResource(UnionFeeService unionFees) {
        this.unionFees = unionFees;
    }

    @Override
    public UnionFeeRecord put(RegionCode regionCode, int year, UnionFees fees) {
        return unionFees.put(RegionCode.text(regionCode), year, fees);
    }

    @Override
    public BatchResult putBatch(ArrayNode rows) {
        return unionFees.putBatch(rows);
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
