package luoshi.org.population;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import luoshi.api.region.Population;
import luoshi.org.db.Jdbc;

/** The {@code population} table, one row per region and year. */
@ApplicationScoped
public class PopulationStore {

    private final Jdbc jdbc;

    public PopulationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Population> find(String regionCode, int year) {
        return jdbc.queryOne("SELECT region_code, year, total, female, youth FROM population WHERE region_code = ? AND year = ?"
                + " AND total IS NOT NULL", PopulationStore::read, regionCode, year);
    }

    /**
     * Deletes a row by making it a tombstone (V4: total NULL) with the feed version {@code version} (the counter must be
     * locked), so the change feed carries the deletion; answers false when there was no row to delete.
     */
    public boolean delete(String regionCode, int year, long version) {
        return jdbc.update("UPDATE population SET total = NULL, female = NULL, youth = NULL, version = ? "
                + "WHERE region_code = ? AND year = ? AND total IS NOT NULL", version, regionCode, year) == 1;
    }

    /** The stored rows of the given regions in the given years, keyed by {@link #key} (a tombstone is no row). */
    public Map<String, Population> findAll(Collection<String> regionCodes, Collection<Integer> years) {
        Map<String, Population> found = new HashMap<>();
        // only the years asked for: a region gains a row a year, and an import of one year must not read them all
        String yearList = years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        jdbc.queryIn("SELECT region_code, year, total, female, youth FROM population WHERE year IN (" + yearList
                + ") AND total IS NOT NULL AND region_code IN", regionCodes, PopulationStore::read).forEach(p -> found.put(key(p.regionCode(), p.year()), p));
        return found;
    }

    public void upsert(List<Population> rows, long firstVersion) {
        jdbc.insertAll("INSERT INTO population (region_code, year, total, female, youth, version) VALUES", 6,
                "ON DUPLICATE KEY UPDATE total = VALUES(total), female = VALUES(female), youth = VALUES(youth), "
                        + "version = VALUES(version)", rows, (ps, p, row, i) -> {
                    ps.setString(p, row.regionCode());
                    ps.setInt(p + 1, row.year());
                    ps.setLong(p + 2, row.total());
                    setLong(ps, p + 3, row.female());
                    setLong(ps, p + 4, row.youth());
                    ps.setLong(p + 5, firstVersion + i);
                    return p + 6;
                });
    }

    static String key(String regionCode, int year) {
        return regionCode + "/" + year;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static Population read(ResultSet rs) throws SQLException {
        return new Population(rs.getString("region_code"), rs.getInt("year"), rs.getLong("total"),
                (Long) rs.getObject("female", Long.class), (Long) rs.getObject("youth", Long.class));
    }
}
