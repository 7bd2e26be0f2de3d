package luoshi.org.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;
import luoshi.api.region.RegionFeed;
import luoshi.platform.RegionVersionFilter;
import luoshi.org.service.RegionFeedService;

/**
 * Read your writes across services (API.md): org-service's answers to the gateway's compliance calls carry the
 * change feed's version read when the request arrived ({@value RegionFeed#VERSION_HEADER}), one primary-key read.
 * Every region or population write acknowledged before the gateway's request has a version up to it; the gateway asks
 * a read copy whose answer is older again, to catch up first.
 */
@Provider
public class RegionVersionHeader extends RegionVersionFilter {

    // a bean with a client proxy: providers are made when the application is built, before the datasource exists
    private final RegionFeedService feed;

    public RegionVersionHeader(RegionFeedService feed) {
        this.feed = feed;
    }

    @Override
    protected Long version(ContainerRequestContext request) {
        return feed.version();
    }
}
