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
import luoshi.api.common.Page;
import luoshi.api.region.Region;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionFeed.RegionChange;
import luoshi.api.region.RegionLevel;
import luoshi.db.Database;
import luoshi.db.Sql;

/** The {@code region} table. Writes go in multi-row statements so that a national import is a few dozen round trips. */
@ApplicationScoped
public class RegionStore {

    private static final String REGION = "SELECT code, name, level, parent_code, version FROM region";

    private final Database db;

    public RegionStore(Database db) {
        this.db = db;
    }

    public Optional<Region> find(String code) {
        return db.one(Sql.of(REGION + " WHERE code = :code").bind("code", code), RegionStore::read);
    }

    /** The stored regions among {@code codes}, by code. */
    public Map<String, Region> findAll(Collection<String> codes) {
        return findAll(codes, "");
    }

    /**
     * The stored regions among {@code codes}, by code, read with locks until the transaction ends: a write reads the
     * rows it may change so (after the feed counter's lock), never from a snapshot older than the lock.
     */
    public Map<String, Region> lockAll(Collection<String> codes) {
        return findAll(codes, " FOR UPDATE");
    }

    /** The stored region, read with its lock (as {@link #lockAll}). */
    public Optional<Region> lock(String code) {
        return Optional.ofNullable(lockAll(List.of(code)).get(code));
    }

    private Map<String, Region> findAll(Collection<String> codes, String lock) {
        Map<String, Region> found = new HashMap<>();
        KeyChunks.read(codes, chunk -> db.list(Sql.of(REGION + " WHERE code IN (:codes)" + lock).bind("codes", chunk),
                RegionStore::read)).forEach(r -> found.put(r.code(), r));
        return found;
    }

    /** The children of {@code code} sorted by code; the country's children are the provinces. */
    public Page<Region> children(String code, int page, int size) {
        Sql where = RegionCode.isCountry(code) ? Sql.of("level = :level").bind("level", RegionLevel.PROVINCE)
                : Sql.of("parent_code = :parent").bind("parent", code);
        long total = db.count(Sql.of("SELECT COUNT(*) FROM region WHERE :where").bind("where", where));
        List<Region> items = db.list(Sql.of(REGION + " WHERE :where ORDER BY code LIMIT :size OFFSET :offset")
                .bind("where", where).bind("size", size).bind("offset", Page.offset(page, size)), RegionStore::read);
        return new Page<>(items, page, size, total);
    }

    /** Inserts or overwrites {@code rows} (parents first), each with its (feed) version. */
    public void upsert(List<Region> rows) {
        db.insertAll("INSERT INTO region (code, name, level, parent_code, version) VALUES", "ON DUPLICATE KEY UPDATE "
                + "name = VALUES(name), level = VALUES(level), parent_code = VALUES(parent_code), version = VALUES(version)",
                rows, r -> Arrays.asList(r.code(), r.name(), r.level(), r.parentCode(), r.version()));
    }

    /** The change feed's regions: the first {@code limit} written after version {@code since}, in version order. */
    public List<RegionChange> changesSince(long since, int limit) {
        return db.list(Sql.of("SELECT version, code, name, level, parent_code FROM region WHERE version > :since "
                + "ORDER BY version LIMIT :limit").bind("since", since).bind("limit", limit),
                rs -> new RegionChange(rs.getLong(1), rs.getString(2), rs.getString(3), RegionLevel.valueOf(rs.getString(4)),
                        rs.getString(5)));
    }

    private static Region read(ResultSet rs) throws SQLException {
        return new Region(rs.getString("code"), rs.getString("name"), RegionLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"), rs.getLong("version"));
    }
}
