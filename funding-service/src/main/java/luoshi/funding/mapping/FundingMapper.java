package luoshi.funding.mapping;

import luoshi.api.funding.FundingRecord;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.funding.record.FundingRecordEntity;
import luoshi.funding.unionfee.UnionFeeEntity;

/** Entities → the contract's records. */
public final class FundingMapper {

    private FundingMapper() {
    }

    public static FundingRecord toRecord(FundingRecordEntity e) {
        return new FundingRecord(String.valueOf(e.id), e.regionCode, e.category, e.fiscalYear, e.amount, e.documentRef);
    }

    public static UnionFeeRecord toRecord(UnionFeeEntity e) {
        return new UnionFeeRecord(e.key.regionCode(), e.key.year(), e.due, e.collected);
    }
}
