package luoshi.funding.rest;

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
    public UnionFeeRecord put(String regionCode, int year, UnionFees fees) {
        return unionFees.put(regionCode, year, fees);
    }

    @Override
    public BatchResult putBatch(ArrayNode rows) {
        return unionFees.putBatch(rows);
    }

    @Override
    public UnionFeeRecord get(String regionCode, int year) {
        return unionFees.get(regionCode, year);
    }

    @Override
    public void delete(String regionCode, int year) {
        unionFees.delete(regionCode, year);
    }
}
