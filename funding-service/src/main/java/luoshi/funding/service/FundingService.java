package luoshi.funding.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Money;
import luoshi.api.common.Page;
import luoshi.db.RetriedOnConflict;
import luoshi.platform.Patch;
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;
import luoshi.api.funding.FundingCategory;
import luoshi.api.funding.FundingPatch;
import luoshi.api.funding.FundingRecord;
import luoshi.api.funding.NewFundingRecord;
import luoshi.audit.AuditTrail;
import luoshi.batch.BatchImport;
import luoshi.funding.store.FundingRecordStore;
import luoshi.funding.store.FundingRow;
import luoshi.replica.RegionReplica;
import luoshi.security.Access;

/**
 * Funding records: store, read, correct, list, delete, and import in batches (all or nothing). A correction or a
 * deletion reads its row with a lock, checks {@code If-Match} against it (412), writes it with a version check, and
 * answers and audits the row read back: two concurrent corrections are serialised, each answer is what its write
 * stored, and every event's {@code before} is the previous one's {@code after} (CONTRIBUTING, "Versions").
 */
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
    private final Preconditions preconditions;
    private final Validator validator;
    private final ObjectMapper json;

    FundingService(FundingRecordStore records, BatchImport batchImport, Access access, AuditTrail audit,
            RegionReplica regions, Preconditions preconditions, Validator validator, ObjectMapper json) {
        this.records = records;
        this.batchImport = batchImport;
        this.access = access;
        this.audit = audit;
        this.regions = regions;
        this.preconditions = preconditions;
        this.validator = validator;
        this.json = json;
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
        return corrected(lock(id), stored(r));
    }

    /**
     * Corrects the fields the body names (API.md, "Corrections"), merged onto the record as stored now (read with its
     * lock, so that a concurrent correction of another field is kept), with the rules of a creation (400 naming the
     * field) and authorised like {@link #update}. A correction that changes nothing records nothing.
     */
    public FundingRecord patch(String id, ObjectNode body) {
        FundingRow row = lock(id);
        access.write(row.regionCode());
        Patch<FundingPatch> patch = Patch.read(json, body, FundingPatch.class);
        NewFundingRecord merged = new NewFundingRecord(
                patch.value("regionCode", FundingPatch::regionCode, row.regionCode()),
                patch.value("category", FundingPatch::category, row.category()),
                patch.value("fiscalYear", FundingPatch::fiscalYear, row.fiscalYear()),
                patch.value("amount", FundingPatch::amount, row.amount()),
                patch.nullable("documentRef", FundingPatch::documentRef, row.documentRef()));
        Set<ConstraintViolation<NewFundingRecord>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return corrected(row, stored(merged));
    }

    /**
     * Stores {@code r} over {@code row} (read with its lock) and audits it; answers the record as stored. The caller
     * writes both regions, and the new one exists; unchanged, nothing is written.
     */
    private FundingRecord corrected(FundingRow row, NewFundingRecord r) {
        access.write(row.regionCode());
        access.write(r.regionCode());
        regions.requireKnown(r.regionCode());
        FundingRecord before = row.toRecord();
        preconditions.check(what(before.id()), before);
        if (new FundingRow(row.id(), r.regionCode(), r.category(), r.fiscalYear(), r.amount(), r.documentRef(),
                row.version()).equals(row)) {
            return before;
        }
        FundingRecord after = records.update(row, r).toRecord();
        audit.record(AuditTrail.Action.UPDATE, ENTITY, after.id(), after.regionCode(), before, after);
        return after;
    }

    public void delete(String id) {
        FundingRow row = lock(id);
        access.write(row.regionCode());
        FundingRecord before = row.toRecord();
        preconditions.check(what(id), before);
        records.delete(row);
        audit.record(AuditTrail.Action.DELETE, ENTITY, before.id(), before.regionCode(), before, null);
    }

    private FundingRow find(String id) {
        return parseId(id).flatMap(records::find).orElseThrow(() -> ProblemException.notFound("No " + what(id)));
    }

    /** The record read with its lock, for a correction or a deletion. */
    private FundingRow lock(String id) {
        return parseId(id).flatMap(records::lock).orElseThrow(() -> ProblemException.notFound("No " + what(id)));
    }

    private static String what(String id) {
        return "funding record " + id;
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
