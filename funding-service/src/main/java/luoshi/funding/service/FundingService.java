package luoshi.funding.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import luoshi.api.common.Page;
import luoshi.api.common.ProblemException;
import luoshi.api.funding.BatchResult;
import luoshi.api.funding.FundingCategory;
import luoshi.api.funding.FundingRecord;
import luoshi.api.funding.NewFundingRecord;
import luoshi.api.common.Money;
import luoshi.funding.mapping.FundingMapper;
import luoshi.funding.record.FundingBatchWriter;
import luoshi.funding.record.FundingRecordEntity;
import luoshi.funding.record.FundingRecordRepository;

/** Funding records: store, list, delete, and import in batches (all or nothing). */
@ApplicationScoped
@Transactional
public class FundingService {

    private final FundingRecordRepository records;
    private final FundingBatchReader batchReader;
    private final FundingBatchWriter batchWriter;

    FundingService(FundingRecordRepository records, FundingBatchReader batchReader, FundingBatchWriter batchWriter) {
        this.records = records;
        this.batchReader = batchReader;
        this.batchWriter = batchWriter;
    }

    public FundingRecord create(NewFundingRecord r) {
        FundingRecordEntity e = new FundingRecordEntity();
        e.regionCode = r.regionCode();
        e.category = r.category();
        e.fiscalYear = r.fiscalYear();
        e.amount = Money.Amounts.scaled(r.amount());
        e.documentRef = r.documentRef();
        records.persist(e);
        return FundingMapper.toRecord(e);
    }

    /**
     * Validates every row in memory first, then stores all rows in this one transaction. With an
     * idempotency key, the key is claimed in the same transaction: a batch sent again with it
     * stores nothing and answers as the first did.
     */
    public BatchResult createBatch(String idempotencyKey, ArrayNode rows) {
        List<NewFundingRecord> valid = batchReader.read(rows);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            var earlier = batchWriter.claim(idempotencyKey.trim(), valid.size());
            if (earlier.isPresent()) {
                return new BatchResult(earlier.getAsInt());
            }
        }
        batchWriter.insertAll(valid);
        return new BatchResult(valid.size());
    }

    @Transactional(TxType.SUPPORTS)
    public Page<FundingRecord> list(String regionCode, Integer fiscalYear, FundingCategory category, int page, int size) {
        var query = records.matching(regionCode, fiscalYear, category, page, size);
        return new Page<>(query.list().stream().map(FundingMapper::toRecord).toList(), page, size, query.count());
    }

    public void delete(String id) {
        Long key = parseId(id);
        if (key == null || !records.deleteById(key)) {
            throw ProblemException.notFound("No funding record " + id);
        }
    }

    private static Long parseId(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
