package luoshi.funding.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.util.List;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Money;
import luoshi.api.common.Page;
import luoshi.platform.ProblemException;
import luoshi.api.funding.FundingCategory;
import luoshi.api.funding.FundingRecord;
import luoshi.api.funding.NewFundingRecord;
import luoshi.audit.AuditTrail;
import luoshi.batch.BatchImport;
import luoshi.batch.BatchReader;
import luoshi.funding.mapping.FundingMapper;
import luoshi.funding.record.FundingRecordEntity;
import luoshi.funding.record.FundingRecordRepository;
import luoshi.replica.RegionReplica;
import luoshi.security.Access;

/** Funding records: store, read, correct, list, delete, and import in batches (all or nothing). */
@ApplicationScoped
@Transactional
public class FundingService {

    static final String ENTITY = "funding-record";

    private final FundingRecordRepository records;
    private final BatchReader batchReader;
    private final BatchImport batchImport;
    private final Access access;
    private final AuditTrail audit;
    private final RegionReplica regions;

    FundingService(FundingRecordRepository records, BatchReader batchReader, BatchImport batchImport, Access access,
            AuditTrail audit, RegionReplica regions) {
        this.records = records;
        this.batchReader = batchReader;
        this.batchImport = batchImport;
        this.access = access;
        this.audit = audit;
        this.regions = regions;
    }

    public FundingRecord create(NewFundingRecord r) {
        access.write(r.regionCode());
        regions.requireKnown(r.regionCode());
        FundingRecordEntity e = new FundingRecordEntity();
        assign(e, r);
        records.persist(e);
        FundingRecord created = FundingMapper.toRecord(e);
        audit.record(AuditTrail.Action.CREATE, ENTITY, created.id(), created.regionCode(), null, created);
        return created;
    }

    /** Validates every row in memory first, then stores all rows in this one transaction. */
    public BatchResult createBatch(ArrayNode rows) {
        List<NewFundingRecord> valid = batchReader.read(rows, NewFundingRecord.class);
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
        var query = records.matching(regionCode, within, fiscalYear, category, page, size);
        return new Page<>(query.list().stream().map(FundingMapper::toRecord).toList(), page, size, query.count());
    }

    @Transactional(TxType.SUPPORTS)
    public FundingRecord get(String id) {
        FundingRecordEntity e = find(id);
        access.read(e.regionCode);
        return FundingMapper.toRecord(e);
    }

    /**
     * Corrects every field of a record (API.md, "Corrections"): authorised as a write in the record's region and in
     * the new one, so that nobody moves a record out of, or into, a subtree they may not write.
     */
    public FundingRecord update(String id, NewFundingRecord r) {
        FundingRecordEntity e = find(id);
        access.write(e.regionCode);
        access.write(r.regionCode());
        regions.requireKnown(r.regionCode());
        FundingRecord before = FundingMapper.toRecord(e);
        assign(e, r);
        FundingRecord after = FundingMapper.toRecord(e);
        audit.record(AuditTrail.Action.UPDATE, ENTITY, after.id(), after.regionCode(), before, after);
        return after;
    }

    public void delete(String id) {
        FundingRecordEntity e = find(id);
        access.write(e.regionCode);
        FundingRecord before = FundingMapper.toRecord(e);
        records.delete(e);
        audit.record(AuditTrail.Action.DELETE, ENTITY, before.id(), before.regionCode(), before, null);
    }

    private FundingRecordEntity find(String id) {
        Long key = parseId(id);
        FundingRecordEntity e = key == null ? null : records.findById(key);
        if (e == null) {
            throw ProblemException.notFound("No funding record " + id);
        }
        return e;
    }

    /** The fields of {@code r}, the amount as the {@code DECIMAL(15,2)} column holds it. */
    private static void assign(FundingRecordEntity e, NewFundingRecord r) {
        e.regionCode = r.regionCode();
        e.category = r.category();
        e.fiscalYear = r.fiscalYear();
        e.amount = Money.Amounts.scaled(r.amount());
        e.documentRef = r.documentRef();
    }

    private static Long parseId(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
