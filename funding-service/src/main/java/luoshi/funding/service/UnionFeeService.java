package luoshi.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Money;
import luoshi.db.RetriedOnConflict;
import luoshi.platform.ProblemException;
import luoshi.api.common.Violation;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.api.funding.UnionFeeRow;
import luoshi.api.funding.UnionFees;
import luoshi.audit.AuditTrail;
import luoshi.batch.BatchImport;
import luoshi.batch.BatchReader;
import luoshi.funding.store.UnionFeeStore;
import luoshi.replica.RegionReplica;
import luoshi.security.Access;

/** Union fees due and collected per region and year (CENTRAL-2015 §10: 依法足额收缴工会经费). */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class UnionFeeService {

    static final String ENTITY = "union-fees";

    private final UnionFeeStore unionFees;
    private final BatchImport batchImport;
    private final Access access;
    private final AuditTrail audit;
    private final RegionReplica regions;

    UnionFeeService(UnionFeeStore unionFees, BatchImport batchImport, Access access, AuditTrail audit,
            RegionReplica regions) {
        this.unionFees = unionFees;
        this.batchImport = batchImport;
        this.access = access;
        this.audit = audit;
        this.regions = regions;
    }

    public UnionFeeRecord put(String regionCode, int year, UnionFees fees) {
        access.write(regionCode);
        regions.requireKnown(regionCode);
        UnionFeeRecord before = unionFees.find(regionCode, year).orElse(null);
        UnionFeeRecord after = stored(regionCode, year, fees.due(), fees.collected());
        unionFees.upsertAll(List.of(after));
        audit.record(before == null ? AuditTrail.Action.CREATE : AuditTrail.Action.UPDATE, ENTITY,
                regionCode + "/" + year, regionCode, before, after);
        return after;
    }

    /**
     * The rule of a batch's rows beyond Bean Validation, checked on each row as it is read: a region and year twice in the
     * batch is a 400 naming the second row. A new rule for each batch (it remembers the rows read).
     */
    public static BatchReader.RowRule<UnionFeeRow> rowRule() {
        Map<String, Integer> rowOfKey = new HashMap<>();
        return (i, r) -> {
            Integer earlier = rowOfKey.putIfAbsent(r.regionCode() + "/" + r.year(), i);
            return earlier == null ? List.of() : List.of(new Violation("year", "the union fees of " + r.regionCode()
                    + " in " + r.year() + " are in row " + earlier + " already"));
        };
    }

    /**
     * Creates or replaces the fees of every row's region and year, all or nothing: the rows were checked as they were read
     * ({@link #rowRule}), and are authorised and written here in multi-row upserts.
     */
    public BatchResult putBatch(List<UnionFeeRow> valid) {
        return batchImport.store(ENTITY, valid, UnionFeeRow::regionCode, authorised -> {
            regions.requireKnownRows(authorised, UnionFeeRow::regionCode);
            List<UnionFeeRecord> stored = authorised.stream()
                    .map(r -> stored(r.regionCode(), r.year(), r.due(), r.collected())).toList();
            unionFees.upsertAll(stored);
            return stored;
        });
    }

    @Transactional(TxType.SUPPORTS)
    public UnionFeeRecord get(String regionCode, int year) {
        access.read(regionCode);
        return find(regionCode, year);
    }

    /** Authorised like {@link #put}; no check that the region is known, so that fees stored for an unknown one can go. */
    public void delete(String regionCode, int year) {
        access.write(regionCode);
        UnionFeeRecord before = find(regionCode, year);
        unionFees.delete(regionCode, year);
        audit.record(AuditTrail.Action.DELETE, ENTITY, regionCode + "/" + year, regionCode, before, null);
    }

    private UnionFeeRecord find(String regionCode, int year) {
        return unionFees.find(regionCode, year)
                .orElseThrow(() -> ProblemException.notFound("No union fees for " + regionCode + " in " + year));
    }

    /** The fees as the {@code DECIMAL(15,2)} columns hold them. */
    private static UnionFeeRecord stored(String regionCode, int year, BigDecimal due, BigDecimal collected) {
        return new UnionFeeRecord(regionCode, year, Money.Amounts.scaled(due), Money.Amounts.scaled(collected));
    }
}
