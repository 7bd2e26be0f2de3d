package luoshi.org.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.region.RegionFeed.PopulationChange;
import luoshi.api.region.RegionFeed.RegionChange;
import luoshi.api.region.RegionFeed.RegionFeedPage;
import luoshi.api.region.RegionLevel;
import luoshi.org.db.Jdbc;

/**
 * Reads the change feed: the rows of both tables above a version, merged in version order (one counter
 * versions both, so versions never collide). Both reads run in one transaction, hence on one snapshot.
 */
@ApplicationScoped
public class RegionFeedService {

    private final Jdbc jdbc;

    public RegionFeedService(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The feed's current version: every change committed now has a version up to it (one primary-key read). */
    public long version() {
        return jdbc.withConnection(FeedCounter::current);
    }

    @Transactional
    public RegionFeedPage changes(long since, int limit) {
        // limit + 1 of each: the first `limit` of the merge are the page, one more says `more`
        List<RegionChange> regions = jdbc.query("SELECT version, code, name, level, parent_code FROM region WHERE version > ? "
                + "ORDER BY version LIMIT ?", rs -> new RegionChange(rs.getLong(1), rs.getString(2), rs.getString(3),
                        RegionLevel.valueOf(rs.getString(4)), rs.getString(5)), since, limit + 1);
        List<PopulationChange> population = jdbc.query("SELECT version, region_code, year, total, female, youth FROM population "
                + "WHERE version > ? ORDER BY version LIMIT ?", rs -> new PopulationChange(rs.getLong(1), rs.getString(2),
                        rs.getInt(3), rs.getObject(4, Long.class), rs.getObject(5, Long.class), rs.getObject(6, Long.class)), since, limit + 1);
        List<RegionChange> pageRegions = new ArrayList<>();
        List<PopulationChange> pagePopulation = new ArrayList<>();
        int r = 0;
        int p = 0;
        long version = since;
        while (r + p < limit && (r < regions.size() || p < population.size())) {
            boolean regionNext = p >= population.size()
                    || r < regions.size() && regions.get(r).version() < population.get(p).version();
            if (regionNext) {
                version = regions.get(r).version();
                pageRegions.add(regions.get(r++));
            } else {
                version = population.get(p).version();
                pagePopulation.add(population.get(p++));
            }
        }
        boolean more = r < regions.size() || p < population.size();
        return new RegionFeedPage(pageRegions, pagePopulation, version, more);
    }
}
