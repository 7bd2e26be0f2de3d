package luoshi.org.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.region.RegionFeed.PopulationChange;
import luoshi.api.region.RegionFeed.RegionChange;
import luoshi.api.region.RegionFeed.RegionFeedPage;
import luoshi.org.store.FeedCounter;
import luoshi.org.store.PopulationStore;
import luoshi.org.store.RegionStore;

/**
 * Reads the change feed: the rows of both tables above a version, merged in version order (one counter
 * versions both, so versions never collide). Both reads run in one transaction, hence on one snapshot.
 */
@ApplicationScoped
public class RegionFeedService {

    private final FeedCounter counter;
    private final RegionStore regions;
    private final PopulationStore population;

    public RegionFeedService(FeedCounter counter, RegionStore regions, PopulationStore population) {
        this.counter = counter;
        this.regions = regions;
        this.population = population;
    }

    /** The feed's current version: every change committed now has a version up to it (one primary-key read). */
    public long version() {
        return counter.current();
    }

    @Transactional
    public RegionFeedPage changes(long since, int limit) {
        // limit + 1 of each: the first `limit` of the merge are the page, one more says `more`
        List<RegionChange> regionChanges = regions.changesSince(since, limit + 1);
        List<PopulationChange> populationChanges = population.changesSince(since, limit + 1);
        List<RegionChange> pageRegions = new ArrayList<>();
        List<PopulationChange> pagePopulation = new ArrayList<>();
        int r = 0;
        int p = 0;
        long version = since;
        while (r + p < limit && (r < regionChanges.size() || p < populationChanges.size())) {
            boolean regionNext = p >= populationChanges.size()
                    || r < regionChanges.size() && regionChanges.get(r).version() < populationChanges.get(p).version();
            if (regionNext) {
                version = regionChanges.get(r).version();
                pageRegions.add(regionChanges.get(r++));
            } else {
                version = populationChanges.get(p).version();
                pagePopulation.add(populationChanges.get(p++));
            }
        }
        boolean more = r < regionChanges.size() || p < populationChanges.size();
        return new RegionFeedPage(pageRegions, pagePopulation, version, more);
    }
}
