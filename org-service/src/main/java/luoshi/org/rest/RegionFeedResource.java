package luoshi.org.rest;

import luoshi.api.region.RegionFeed;
import luoshi.org.feed.RegionFeedService;

public class RegionFeedResource implements RegionFeed {

    private final RegionFeedService feed;

    public RegionFeedResource(RegionFeedService feed) {
        this.feed = feed;
    }

    @Override
    public RegionFeedPage changes(long since, int limit) {
        return feed.changes(since, limit);
    }
}
