package luoshi.funding.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.db.Database;
import luoshi.db.Sql;

/**
 * The SQL of table {@code union_fee}: one row per region and year. Its rows are the contract's
 * {@link UnionFeeRecord} exactly (region, year, due, collected), so no row type of its own.
 */
@ApplicationScoped
public class UnionFeeStore {

    private final Database db;

    UnionFeeStore(Database db) {
        this.db = db;
    }

    public Optional<UnionFeeRecord> find(String regionCode, int year) {
        return db.one(Sql.of("SELECT region_code, year, due, collected FROM union_fee WHERE region_code = :code AND year = :year")
                .bind("code", regionCode).bind("year", year),
                rs -> new UnionFeeRecord(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
    }

    /**
     * Creates or replaces the fees of each row's region and year, in multi-row statements in the caller's transaction:
     * one statement a chunk, so that two concurrent first writes of a region and year cannot collide.
     */
    public void upsertAll(List<UnionFeeRecord> rows) {
        db.insertAll("INSERT INTO union_fee (region_code, year, due, collected) VALUES",
                "ON DUPLICATE KEY UPDATE due = VALUES(due), collected = VALUES(collected)", rows,
                r -> List.of(r.regionCode(), r.year(), r.due(), r.collected()));
    }

    public void delete(String regionCode, int year) {
        db.update(Sql.of("DELETE FROM union_fee WHERE region_code = :code AND year = :year")
                .bind("code", regionCode).bind("year", year));
    }
}
