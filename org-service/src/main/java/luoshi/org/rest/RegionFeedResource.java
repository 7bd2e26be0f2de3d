package luoshi.org.rest;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import luoshi.api.region.RegionFeed;
import luoshi.org.service.FeedWaiters;
import luoshi.org.service.RegionFeedService;

/**
 * The whole country's regions and population for the other services' read copies: their service token only (the
 * interface's {@code @Requires(SERVICE)}, checked before anything else; no region is involved). A long
 * poll ({@code waitMs}) that finds nothing new waits in {@link FeedWaiters}, without a worker thread, and reads the
 * feed again on a worker thread once a change is committed.
 */
public class RegionFeedResource implements RegionFeed {

    private final RegionFeedService feed;
    private final FeedWaiters waiters;

    public RegionFeedResource(RegionFeedService feed, FeedWaiters waiters) {
        this.feed = feed;
        this.waiters = waiters;
    }

    @Override
    public CompletionStage<RegionFeedPage> changes(long since, int limit, long waitMs) {
        RegionFeedPage page = feed.changes(since, limit);
        if (waitMs == 0 || page.version() > since) {
            return CompletableFuture.completedFuture(page);
        }
        return waiters.changeAfter(since, waitMs).thenApplyAsync(changed -> changed ? feed.changes(since, limit) : page,
                Infrastructure.getDefaultWorkerPool());
    }
}
