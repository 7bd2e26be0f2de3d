package luoshi.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import luoshi.api.common.Money;
import luoshi.api.common.ProblemException;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.api.funding.UnionFees;
import luoshi.funding.mapping.FundingMapper;
import luoshi.funding.unionfee.UnionFeeEntity;
import luoshi.funding.unionfee.UnionFeeRepository;

/** Union fees due and collected per region and year (CENTRAL-2015 §10: 依法足额收缴工会经费). */
@ApplicationScoped
@Transactional
public class UnionFeeService {

    private final UnionFeeRepository unionFees;

    UnionFeeService(UnionFeeRepository unionFees) {
        this.unionFees = unionFees;
    }

    public UnionFeeRecord put(String regionCode, int year, UnionFees fees) {
        unionFees.upsert(regionCode, year, Money.Amounts.scaled(fees.due()), Money.Amounts.scaled(fees.collected()));
        return new UnionFeeRecord(regionCode, year, fees.due(), fees.collected());
    }

    @Transactional(TxType.SUPPORTS)
    public UnionFeeRecord get(String regionCode, int year) {
        return unionFees.findByIdOptional(new UnionFeeEntity.Key(regionCode, year))
                .map(FundingMapper::toRecord)
                .orElseThrow(() -> ProblemException.notFound("No union fees for " + regionCode + " in " + year));
    }
}
