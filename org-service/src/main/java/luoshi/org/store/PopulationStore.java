package luoshi.org.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import luoshi.api.region.Population;
import luoshi.api.region.RegionFeed.PopulationChange;
import luoshi.db.Database;
import luoshi.db.Sql;

/** The {@code population} table, one row per region and year. */
@ApplicationScoped
public class PopulationStore {

    private static final String POPULATION = "SELECT region_code, year, total, female, youth, version FROM population";

    private final Database db;

    public PopulationStore(Database db) {
        this.db = db;
    }

    public Optional<Population> find(String regionCode, int year) {
        return db.one(Sql.of(POPULATION + " WHERE region_code = :code AND year = :year AND total IS NOT NULL")
                .bind("code", regionCode).bind("year", year), PopulationStore::read);
    }

    /**
     * Deletes the row {@code before} (read with {@link #lockAll}) by making it a tombstone (V4: total NULL) with the feed
     * version {@code version} (the counter must be locked), so the change feed carries the deletion.
     */
    public void delete(Population before, long version) {
        db.updateOne(Sql.of("UPDATE population SET total = NULL, female = NULL, youth = NULL, version = :version "
                + "WHERE region_code = :code AND year = :year AND version = :read AND total IS NOT NULL")
                .bind("version", version).bind("code", before.regionCode()).bind("year", before.year())
                .bind("read", before.version()));
    }

    /** The stored row of a region and year, read with its lock (as {@link #lockAll}); empty for none or a tombstone. */
    public Optional<Population> lock(String regionCode, int year) {
        return Optional.ofNullable(lockAll(List.of(regionCode), List.of(year)).get(key(regionCode, year)));
    }

    /**
     * The stored rows of the given regions in the given years, keyed by {@link #key} (a tombstone is no row), read with
     * locks until the transaction ends: a write reads the rows it may change so (after the feed counter's lock), never
     * from a snapshot older than the lock.
     */
    public Map<String, Population> lockAll(Collection<String> regionCodes, Collection<Integer> years) {
        Map<String, Population> found = new HashMap<>();
        // only the years asked for: a region gains a row a year, and an import of one year must not read them all
        KeyChunks.read(regionCodes, chunk -> db.list(Sql.of(POPULATION + " WHERE year IN (:years) AND total IS NOT NULL "
                + "AND region_code IN (:codes) FOR UPDATE").bind("years", years).bind("codes", chunk), PopulationStore::read))
                .forEach(p -> found.put(key(p.regionCode(), p.year()), p));
        return found;
    }

    /** Inserts or overwrites {@code rows}, each with its (feed) version. */
    public void upsert(List<Population> rows) {
        db.insertAll("INSERT INTO population (region_code, year, total, female, youth, version) VALUES",
                "ON DUPLICATE KEY UPDATE total = VALUES(total), female = VALUES(female), youth = VALUES(youth), "
                        + "version = VALUES(version)", rows,
                p -> Arrays.asList(p.regionCode(), p.year(), p.total(), p.female(), p.youth(), p.version()));
    }

    /** The change feed's population rows (a deletion's tombstone too): the first {@code limit} after version {@code since}. */
    public List<PopulationChange> changesSince(long since, int limit) {
        return db.list(Sql.of("SELECT version, region_code, year, total, female, youth FROM population "
                + "WHERE version > :since ORDER BY version LIMIT :limit").bind("since", since).bind("limit", limit),
                rs -> new PopulationChange(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getObject(4, Long.class),
                        rs.getObject(5, Long.class), rs.getObject(6, Long.class)));
    }

    /** A row's identity in the maps of {@link #findAll}: region and year. */
    public static String key(String regionCode, int year) {
        return regionCode + "/" + year;
    }

    private static Population read(ResultSet rs) throws SQLException {
        return new Population(rs.getString("region_code"), rs.getInt("year"), rs.getLong("total"),
                rs.getObject("female", Long.class), rs.getObject("youth", Long.class), rs.getLong("version"));
    }
}
