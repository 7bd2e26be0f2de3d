package luoshi.review.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import luoshi.api.common.Page;
import luoshi.api.review.CommitteeTerm;
import luoshi.db.Database;
import luoshi.db.Sql;

/** Committee terms (table {@code committee_term}) and the lock rows of their regions ({@code committee_term_region_lock}). */
@ApplicationScoped
public class TermStore {

    /** The columns a new term is written with (its version is the column's default, 1). */
    private static final String WRITTEN = "id, region_code, start_date, end_date";
    private static final String COLUMNS = WRITTEN + ", version";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM committee_term";

    private final Database db;

    TermStore(Database db) {
        this.db = db;
    }

    public void insertAll(List<CommitteeTerm> terms) {
        db.insertAll("INSERT INTO committee_term (" + WRITTEN + ") VALUES", "", terms,
                t -> List.of(t.id(), t.regionCode(), t.start(), t.end()));
    }

    public Optional<CommitteeTerm> find(String id) {
        return db.one(Sql.of(SELECT + " WHERE id = :id").bind("id", id), TermStore::term);
    }

    /** The term, read with a lock on its row (a locking read, not a consistent one). */
    public Optional<CommitteeTerm> findForUpdate(String id) {
        return db.one(Sql.of(SELECT + " WHERE id = :id FOR UPDATE").bind("id", id), TermStore::term);
    }

    /** Stores the term's dates and region under its id, which must be at {@code t.version()} (read with a lock), advancing it. */
    public void update(CommitteeTerm t) {
        db.updateOne(Sql.of("UPDATE committee_term SET region_code = :region, start_date = :start, end_date = :end, "
                + "version = version + 1 WHERE id = :id AND version = :version").bind("region", t.regionCode())
                .bind("start", t.start()).bind("end", t.end()).bind("id", t.id()).bind("version", t.version()));
    }

    /** Deletes the term {@code t} (read with a lock, at its version). */
    public void delete(CommitteeTerm t) {
        db.updateOne(Sql.of("DELETE FROM committee_term WHERE id = :id AND version = :version").bind("id", t.id())
                .bind("version", t.version()));
    }

    /**
     * Takes the lock rows of {@code regions} in their order, creating those that do not exist yet (an upsert locks the
     * row it finds or inserts, also where the region has no term yet). It changes each row ({@code taken}): on Galera,
     * where the lock is one node's only, two nodes' writers of one region then conflict at commit (1213) and one runs
     * again whole (issue #18).
     */
    public void lockRegions(List<String> regions) {
        db.insertAll("INSERT INTO committee_term_region_lock (region_code) VALUES",
                "ON DUPLICATE KEY UPDATE taken = taken + 1", regions, List::of);
    }

    /** The stored terms of {@code regions}, by a plain (consistent) read. */
    public List<CommitteeTerm> ofRegions(Collection<String> regions) {
        return db.list(Sql.of(SELECT + " WHERE region_code IN (:regions)").bind("regions", regions), TermStore::term);
    }

    public Page<CommitteeTerm> page(String regionCode, String scope, int page, int size) {
        return new Filters().with("region_code = :region", "region", regionCode).inSubtree(scope)
                .page(db, COLUMNS, "committee_term", "region_code, start_date, id", page, size, TermStore::term);
    }

    private static CommitteeTerm term(ResultSet rs) throws SQLException {
        return new CommitteeTerm(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), rs.getLong(5));
    }
}
