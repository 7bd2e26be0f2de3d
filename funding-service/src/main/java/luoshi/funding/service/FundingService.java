package luoshi.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Money;
import luoshi.api.common.Page;
import luoshi.db.RetriedOnConflict;
import luoshi.platform.ProblemException;
import luoshi.api.funding.FundingCategory;
import luoshi.api.funding.FundingRecord;
import luoshi.api.funding.NewFundingRecord;
import luoshi.audit.AuditTrail;
import luoshi.batch.BatchImport;
import luoshi.funding.store.FundingRecordStore;
import luoshi.funding.store.FundingRow;
import luoshi.replica.RegionReplica;
import luoshi.security.Access;

/** Funding records: store, read, correct, list, delete, and import in batches (all or nothing). */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class FundingService {

    static final String ENTITY = "funding-record";

    private final FundingRecordStore records;
    private final BatchImport batchImport;
    private final Access access;
    private final AuditTrail audit;
    private final RegionReplica regions;

    FundingService(FundingRecordStore records, BatchImport batchImport, Access access, AuditTrail audit,
            RegionReplica regions) {
        this.records = records;
        this.batchImport = batchImport;
        this.access = access;
        this.audit = audit;
        this.regions = regions;
    }

    public FundingRecord create(NewFundingRecord r) {
        access.write(r.regionCode());
        regions.requireKnown(r.regionCode());
        FundingRecord created = records.insert(stored(r)).toRecord();
        audit.record(AuditTrail.Action.CREATE, ENTITY, created.id(), created.regionCode(), null, created);
        return created;
    }

    /** Stores the rows, read and checked as the body streamed in, all in this one transaction, every row authorised. */
    public BatchResult createBatch(List<NewFundingRecord> valid) {
        return batchImport.store(ENTITY, valid, NewFundingRecord::regionCode, stored -> {
            regions.requireKnownRows(stored, NewFundingRecord::regionCode);
            records.insertAll(stored);
            return stored;
        });
    }

    @Transactional(TxType.SUPPORTS)
    public Page<FundingRecord> list(String regionCode, Integer fiscalYear, FundingCategory category, int page, int size) {
        // without a region: the records of the caller's whole subtree, never wider
        String within = regionCode == null ? access.readScope(null) : null;
        if (regionCode != null) {
            access.read(regionCode);
        }
        return records.matching(regionCode, within, fiscalYear, category, page, size).map(FundingRow::toRecord);
    }

    @Transactional(TxType.SUPPORTS)
    public FundingRecord get(String id) {
        FundingRow row = find(id);
        access.read(row.regionCode());
        return row.toRecord();
    }

    /**
     * Corrects every field of a record (API.md, "Corrections"): authorised as a write in the record's region and in
     * the new one, so that nobody moves a record out of, or into, a subtree they may not write.
     */
    public FundingRecord update(String id, NewFundingRecord r) {
        FundingRow row = find(id);
        access.write(row.regionCode());
        access.write(r.regionCode());
        regions.requireKnown(r.regionCode());
        FundingRecord before = row.toRecord();
        FundingRecord after = records.update(row.id(), stored(r)).toRecord();
        audit.record(AuditTrail.Action.UPDATE, ENTITY, after.id(), after.regionCode(), before, after);
        return after;
    }

    public void delete(String id) {
        FundingRow row = find(id);
        access.write(row.regionCode());
        FundingRecord before = row.toRecord();
        records.delete(row.id());
        audit.record(AuditTrail.Action.DELETE, ENTITY, before.id(), before.regionCode(), before, null);
    }

    private FundingRow find(String id) {
        return parseId(id).flatMap(records::find)
                .orElseThrow(() -> ProblemException.notFound("No funding record " + id));
    }

    /** The fields of {@code r}, the amount as the {@code DECIMAL(15,2)} column holds it. */
    private static NewFundingRecord stored(NewFundingRecord r) {
        return new NewFundingRecord(r.regionCode(), r.category(), r.fiscalYear(), Money.Amounts.scaled(r.amount()),
                r.documentRef());
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.valueOf(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
