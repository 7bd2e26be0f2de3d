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
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;
import luoshi.api.common.Violation;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.api.funding.UnionFeeRow;
import luoshi.api.funding.UnionFees;
import luoshi.audit.AuditTrail;
import luoshi.audit.DataVersion;
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
    private final Preconditions preconditions;
    private final DataVersion dataVersion;

    UnionFeeService(UnionFeeStore unionFees, BatchImport batchImport, Access access, AuditTrail audit,
            RegionReplica regions, Preconditions preconditions, DataVersion dataVersion) {
        this.unionFees = unionFees;
        this.batchImport = batchImport;
        this.access = access;
        this.audit = audit;
        this.regions = regions;
        this.preconditions = preconditions;
        this.dataVersion = dataVersion;
    }

    /**
     * Creates or replaces the fees of a region and year, read with their lock first ({@code If-Match}: only the
     * version named, and nothing when none is stored); answers them as stored. Unchanged amounts write nothing.
     */
    public UnionFeeRecord put(String regionCode, int year, UnionFees fees) {
        access.write(regionCode);
        regions.requireKnown(regionCode);
        UnionFeeRecord before = unionFees.lock(regionCode, year).orElse(null);
        preconditions.check(what(regionCode, year), before);
        UnionFeeRecord wanted = stored(regionCode, year, fees.due(), fees.collected(), before == null ? 0 : before.version());
        if (wanted.equals(before)) {
            return before;
        }
        if (before == null) {
            unionFees.upsertAll(List.of(wanted), firstVersion());
        } else {
            unionFees.update(before, wanted);
        }
        UnionFeeRecord after = unionFees.lock(regionCode, year).orElseThrow();
        audit.record(before == null ? AuditTrail.Action.CREATE : AuditTrail.Action.UPDATE, ENTITY,
                regionCode + "/" + year, regionCode, before, after);
        return after;
    }

    /**
     * The version of fees created now: after the service's data version, which every earlier write of the same region
     * and year advanced at least as far as that write's version, so fees deleted and entered again never answer a
     * version a caller may still hold.
     */
    private long firstVersion() {
        return dataVersion.current() + 1;
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
                    .map(r -> stored(r.regionCode(), r.year(), r.due(), r.collected(), 0)).toList();
            unionFees.upsertAll(stored, firstVersion());
            return unionFees.findAll(stored);   // the event holds the rows as written, with their versions
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
        UnionFeeRecord before = unionFees.lock(regionCode, year).orElseThrow(() -> notFound(regionCode, year));
        preconditions.check(what(regionCode, year), before);
        unionFees.delete(before);
        audit.record(AuditTrail.Action.DELETE, ENTITY, regionCode + "/" + year, regionCode, before, null);
    }

    private UnionFeeRecord find(String regionCode, int year) {
        return unionFees.find(regionCode, year).orElseThrow(() -> notFound(regionCode, year));
    }

    private static ProblemException notFound(String regionCode, int year) {
        return ProblemException.notFound("No union fees for " + regionCode + " in " + year);
    }

    private static String what(String regionCode, int year) {
        return "union fees of " + regionCode + " in " + year;
    }

    /** The fees as the {@code DECIMAL(15,2)} columns hold them, at {@code version}. */
    private static UnionFeeRecord stored(String regionCode, int year, BigDecimal due, BigDecimal collected, long version) {
        return new UnionFeeRecord(regionCode, year, Money.Amounts.scaled(due), Money.Amounts.scaled(collected), version);
    }
}
