package luoshi.org.service;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.CompletionStage;
import luoshi.db.VersionWaiters;
import luoshi.org.config.FeedConfig;
import luoshi.org.store.FeedCounter;

/**
 * The long polls of the change feed ({@link VersionWaiters} on the feed counter): checked at once when a write of this
 * JVM commits and every {@code luoshi.feed.check-interval} (150 ms) while any waits, for the writes of other replicas
 * of org-service on the same schema.
 */
@ApplicationScoped
public class FeedWaiters {

    private final VersionWaiters waiters;

    public FeedWaiters(FeedCounter counter, FeedConfig config) {
        this.waiters = new VersionWaiters("region-feed-waiters", counter::current, config.checkInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        waiters.close();
    }

    /**
     * Completes with true once the feed counter is above {@code since}, or with false after {@code waitMs} (or at
     * shutdown). The caller reads the feed then.
     */
    public CompletionStage<Boolean> changeAfter(long since, long waitMs) {
        return waiters.changeAfter(since, waitMs);
    }

    /** A write of this JVM advanced the counter: once it commits (at once without a transaction), check the counter. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedCounter.Advanced advanced) {
        waiters.signal();
    }

    /** How many long polls wait now. */
    public int waiting() {
        return waiters.waiting();
    }
}
