package luoshi.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import luoshi.api.common.Money;
import luoshi.api.common.ProblemException;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.api.funding.UnionFees;
import luoshi.audit.AuditTrail;
import luoshi.funding.mapping.FundingMapper;
import luoshi.funding.unionfee.UnionFeeEntity;
import luoshi.funding.unionfee.UnionFeeRepository;
import luoshi.security.Access;

/** Union fees due and collected per region and year (CENTRAL-2015 §10: 依法足额收缴工会经费). */
@ApplicationScoped
@Transactional
public class UnionFeeService {

    private final UnionFeeRepository unionFees;
    private final Access access;
    private final AuditTrail audit;

    UnionFeeService(UnionFeeRepository unionFees, Access access, AuditTrail audit) {
        this.unionFees = unionFees;
        this.access = access;
        this.audit = audit;
    }

    public UnionFeeRecord put(String regionCode, int year, UnionFees fees) {
        access.write(regionCode);
        UnionFeeRecord before = unionFees.findByIdOptional(new UnionFeeEntity.Key(regionCode, year))
                .map(FundingMapper::toRecord).orElse(null);
        unionFees.upsert(regionCode, year, Money.Amounts.scaled(fees.due()), Money.Amounts.scaled(fees.collected()));
        UnionFeeRecord after = new UnionFeeRecord(regionCode, year, fees.due(), fees.collected());
        audit.record(before == null ? AuditTrail.Action.CREATE : AuditTrail.Action.UPDATE, "union-fees",
                regionCode + "/" + year, regionCode, before, after);
        return after;
    }

    @Transactional(TxType.SUPPORTS)
    public UnionFeeRecord get(String regionCode, int year) {
        access.read(regionCode);
        return unionFees.findByIdOptional(new UnionFeeEntity.Key(regionCode, year))
                .map(FundingMapper::toRecord)
                .orElseThrow(() -> ProblemException.notFound("No union fees for " + regionCode + " in " + year));
    }
}
