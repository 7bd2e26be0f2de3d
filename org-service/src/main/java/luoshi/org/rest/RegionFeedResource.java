package luoshi.org.rest;

import luoshi.api.region.RegionFeed;
import luoshi.org.feed.RegionFeedService;
import luoshi.security.Access;

/** The whole country's regions and population for the other services' read copies: their service token only. */
public class RegionFeedResource implements RegionFeed {

    private final RegionFeedService feed;
    private final Access access;

    public RegionFeedResource(RegionFeedService feed, Access access) {
        this.feed = feed;
        this.access = access;
    }

    @Override
    public RegionFeedPage changes(long since, int limit) {
        access.service();
        return feed.changes(since, limit);
    }
}
