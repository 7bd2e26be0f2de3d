package luoshi.funding.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import luoshi.api.common.Page;
import luoshi.api.funding.FundingCategory;
import luoshi.api.funding.NewFundingRecord;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;

/** The SQL of table {@code funding_record}. Amounts are stored as given: the caller scales them to the column's cents. */
@ApplicationScoped
public class FundingRecordStore {

    private static final String INSERT =
            "INSERT INTO funding_record (region_code, category, fiscal_year, amount, document_ref) VALUES";

    private final Database db;

    FundingRecordStore(Database db) {
        this.db = db;
    }

    /** Stores one record: the row as stored, read back (its new id, version 1). */
    public FundingRow insert(NewFundingRecord r) {
        return find(db.insertReturningIds(INSERT, List.of(r), FundingRecordStore::values).get(0)).orElseThrow();
    }

    /**
     * Inserts many records in multi-row statements, in the caller's transaction: a 10,000-row import must not be
     * 10,000 round trips.
     */
    public void insertAll(List<NewFundingRecord> rows) {
        db.insertAll(INSERT, "", rows, FundingRecordStore::values);
    }

    public Optional<FundingRow> find(long id) {
        return db.one(Sql.of("SELECT " + FundingRow.COLUMNS + " FROM funding_record WHERE id = :id").bind("id", id),
                FundingRow::read);
    }

    /**
     * The record, read with a lock on its row until the transaction ends (the newest committed version), for a
     * correction or a deletion: its read-modify-write is then atomic, and the audit's {@code before} is the previous
     * write's {@code after}.
     */
    public Optional<FundingRow> lock(long id) {
        return db.one(Sql.of("SELECT " + FundingRow.COLUMNS + " FROM funding_record WHERE id = :id FOR UPDATE")
                .bind("id", id), FundingRow::read);
    }

    /**
     * Replaces every field of the record {@code row} (read with {@link #lock}, at its version) with {@code r}, advancing
     * its version: the row as it is now, read back.
     */
    public FundingRow update(FundingRow row, NewFundingRecord r) {
        db.updateOne(Sql.of("UPDATE funding_record SET region_code = :region, category = :category,"
                + " fiscal_year = :year, amount = :amount, document_ref = :doc, version = version + 1"
                + " WHERE id = :id AND version = :version")
                .bind("region", r.regionCode()).bind("category", r.category()).bind("year", r.fiscalYear())
                .bind("amount", r.amount()).bind("doc", r.documentRef()).bind("id", row.id()).bind("version", row.version()));
        return find(row.id()).orElseThrow();
    }

    /** Deletes the record {@code row} (read with {@link #lock}, at its version). */
    public void delete(FundingRow row) {
        db.updateOne(Sql.of("DELETE FROM funding_record WHERE id = :id AND version = :version").bind("id", row.id())
                .bind("version", row.version()));
    }

    /** One region's records of a fiscal year, in the order stored (a region's compliance items: every record summed). */
    public List<FundingRow> ofRegionAndYear(String regionCode, int fiscalYear) {
        return db.list(Sql.of("SELECT " + FundingRow.COLUMNS + " FROM funding_record"
                + " WHERE region_code = :code AND fiscal_year = :year ORDER BY id")
                .bind("code", regionCode).bind("year", fiscalYear), FundingRow::read);
    }

    /**
     * A page of the records matching every filter given (a null filter matches all), in the order stored:
     * {@code regionCode} is one region, {@code within} a subtree.
     */
    public Page<FundingRow> matching(String regionCode, String within, Integer fiscalYear, FundingCategory category,
            int page, int size) {
        List<Sql> where = new ArrayList<>();
        where.add(Sql.of("TRUE"));
        if (within != null && !RegionCode.isCountry(within)) {
            where.add(Sql.of("region_code LIKE :within").bind("within", RegionCode.subtreePattern(within)));
        }
        if (regionCode != null) {
            where.add(Sql.of("region_code = :code").bind("code", regionCode));
        }
        if (fiscalYear != null) {
            where.add(Sql.of("fiscal_year = :year").bind("year", fiscalYear));
        }
        if (category != null) {
            where.add(Sql.of("category = :category").bind("category", category));
        }
        Sql filter = Sql.join(" AND ", where);
        List<FundingRow> rows = db.list(Sql.of("SELECT " + FundingRow.COLUMNS + " FROM funding_record WHERE :filter"
                + " ORDER BY id LIMIT :size OFFSET :offset")
                .bind("filter", filter).bind("size", size).bind("offset", Page.offset(page, size)), FundingRow::read);
        long total = Page.total(page, size, rows.size(),
                () -> db.count(Sql.of("SELECT COUNT(*) FROM funding_record WHERE :filter").bind("filter", filter)));
        return new Page<>(rows, page, size, total);
    }

    /** One row's values in the columns' order of {@link #INSERT} (a list that holds a missing document reference). */
    private static List<?> values(NewFundingRecord r) {
        return Arrays.asList(r.regionCode(), r.category(), r.fiscalYear(), r.amount(), r.documentRef());
    }
}
