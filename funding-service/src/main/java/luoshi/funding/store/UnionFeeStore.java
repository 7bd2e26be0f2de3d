package luoshi.funding.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.db.Database;
import luoshi.db.Sql;

/**
 * The SQL of table {@code union_fee}: one row per region and year. Its rows are the contract's
 * {@link UnionFeeRecord} exactly (region, year, due, collected, version), so no row type of its own.
 */
@ApplicationScoped
public class UnionFeeStore {

    private static final String SELECT = "SELECT region_code, year, due, collected, version FROM union_fee";

    private final Database db;

    UnionFeeStore(Database db) {
        this.db = db;
    }

    public Optional<UnionFeeRecord> find(String regionCode, int year) {
        return one(regionCode, year, "");
    }

    /**
     * The fees, read with a lock on their row (or on the gap where it would be) until the transaction ends: the newest
     * committed version, for a correction or a deletion (the audit's {@code before} is the previous write's
     * {@code after}).
     */
    public Optional<UnionFeeRecord> lock(String regionCode, int year) {
        return one(regionCode, year, " FOR UPDATE");
    }

    private Optional<UnionFeeRecord> one(String regionCode, int year, String lock) {
        return db.one(Sql.of(SELECT + " WHERE region_code = :code AND year = :year" + lock).bind("code", regionCode)
                .bind("year", year), UnionFeeStore::read);
    }

    private static UnionFeeRecord read(ResultSet rs) throws SQLException {
        return new UnionFeeRecord(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getLong(5));
    }

    /**
     * Creates or replaces the fees of each row's region and year, in multi-row statements in the caller's transaction:
     * one statement a chunk, so that two concurrent first writes of a region and year cannot collide. A row created
     * gets version {@code first}; a row replaced the next version when its amounts change (the version is assigned
     * before the amounts, which MariaDB then sees still unchanged).
     */
    public void upsertAll(List<UnionFeeRecord> rows, long first) {
        db.insertAll("INSERT INTO union_fee (region_code, year, due, collected, version) VALUES",
                "ON DUPLICATE KEY UPDATE version = IF(due = VALUES(due) AND collected = VALUES(collected), version, "
                        + "version + 1), due = VALUES(due), collected = VALUES(collected)", rows,
                r -> List.of(r.regionCode(), r.year(), r.due(), r.collected(), first));
    }

    /**
     * The stored fees of the regions and years of {@code keys}, in chunks (an import's rows as it wrote them): per chunk
     * one statement of a range per year ({@code year = ? AND region_code IN (…)}, the index on (year, region_code)).
     * Not a row constructor {@code (region_code, year) IN ((…), …)}: MariaDB 11.4's optimiser spends ~1 s on such a list
     * of 1,000 pairs before it reads a row (the country's 6,634 union fees took 3-4 s to import, 0.3 s with this).
     */
    public List<UnionFeeRecord> findAll(List<UnionFeeRecord> keys) {
        List<UnionFeeRecord> found = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += Database.CHUNK) {
            Map<Integer, List<String>> codesByYear = new TreeMap<>();
            for (UnionFeeRecord k : keys.subList(from, Math.min(keys.size(), from + Database.CHUNK))) {
                codesByYear.computeIfAbsent(k.year(), y -> new ArrayList<>()).add(k.regionCode());
            }
            List<Sql> ranges = codesByYear.entrySet().stream()
                    .map(e -> Sql.of(SELECT + " WHERE year = :year AND region_code IN (:codes)").bind("year", e.getKey())
                            .bind("codes", e.getValue()))
                    .toList();
            found.addAll(db.list(Sql.of("SELECT * FROM (:ranges) f ORDER BY region_code, year")
                    .bind("ranges", Sql.join(" UNION ALL ", ranges)), UnionFeeStore::read));
        }
        return found;
    }

    /** Replaces the amounts of {@code before} (read with {@link #lock}, at its version), advancing its version. */
    public void update(UnionFeeRecord before, UnionFeeRecord after) {
        db.updateOne(Sql.of("UPDATE union_fee SET due = :due, collected = :collected, version = version + 1 "
                + "WHERE region_code = :code AND year = :year AND version = :version").bind("due", after.due())
                .bind("collected", after.collected()).bind("code", before.regionCode()).bind("year", before.year())
                .bind("version", before.version()));
    }

    /** Deletes the fees {@code before} (read with {@link #lock}, at its version). */
    public void delete(UnionFeeRecord before) {
        db.updateOne(Sql.of("DELETE FROM union_fee WHERE region_code = :code AND year = :year AND version = :version")
                .bind("code", before.regionCode()).bind("year", before.year()).bind("version", before.version()));
    }
}
