package luoshi.org.region;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import luoshi.api.common.Page;
import luoshi.api.region.Region;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;
import luoshi.org.db.Jdbc;

/** The {@code region} table. Writes go in multi-row statements so that a national import is a few dozen round trips. */
@ApplicationScoped
public class RegionStore {

    private final Jdbc jdbc;

    public RegionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(String code) {
        return jdbc.queryOne("SELECT code, name, level, parent_code FROM region WHERE code = ?", RegionStore::read, code);
    }

    /** The stored regions among {@code codes}, by code. */
    public Map<String, Region> findAll(Collection<String> codes) {
        Map<String, Region> found = new HashMap<>();
        jdbc.queryIn("SELECT code, name, level, parent_code FROM region WHERE code IN", codes, RegionStore::read)
                .forEach(r -> found.put(r.code(), r));
        return found;
    }

    /** The children of {@code code} sorted by code; the country's children are the provinces. */
    public Page<Region> children(String code, int page, int size) {
        boolean country = RegionCode.isCountry(code);
        String where = country ? "level = ?" : "parent_code = ?";
        Object key = country ? RegionLevel.PROVINCE.name() : code;
        long total = jdbc.count("SELECT COUNT(*) FROM region WHERE " + where, key);
        List<Region> items = jdbc.query("SELECT code, name, level, parent_code FROM region WHERE " + where
                + " ORDER BY code LIMIT ? OFFSET ?", RegionStore::read, key, size, Page.offset(page, size));
        return new Page<>(items, page, size, total);
    }

    /** Inserts or overwrites {@code rows} (parents first), giving them versions firstVersion, firstVersion + 1, … */
    public void upsert(List<Region> rows, long firstVersion) {
        jdbc.insertAll("INSERT INTO region (code, name, level, parent_code, version) VALUES", 5, "ON DUPLICATE KEY UPDATE "
                + "name = VALUES(name), level = VALUES(level), parent_code = VALUES(parent_code), version = VALUES(version)",
                rows, (ps, p, r, i) -> {
                    ps.setString(p, r.code());
                    ps.setString(p + 1, r.name());
                    ps.setString(p + 2, r.level().name());
                    ps.setString(p + 3, r.parentCode());
                    ps.setLong(p + 4, firstVersion + i);
                    return p + 5;
                });
    }

    static Region read(ResultSet rs) throws SQLException {
        return new Region(rs.getString("code"), rs.getString("name"), RegionLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"));
    }
}
