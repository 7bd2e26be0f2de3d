package luoshi.org.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import luoshi.org.config.FeedConfig;
import luoshi.org.store.FeedCounter;
import org.jboss.logging.Logger;

/**
 * The long polls of the change feed: a follower that asks with {@code waitMs} and finds nothing after its version
 * waits here, holding no thread and no connection. One thread of its own checks the feed counter for all of them, at
 * once when a write of this JVM commits ({@link #signal}) and every {@code luoshi.feed.check-interval} (150 ms) while
 * any waits, for the writes of other replicas of org-service on the same schema. A waiter is released when the
 * counter is above its version, or empty-handed at its deadline.
 */
@ApplicationScoped
public class FeedWaiters {

    private static final Logger LOG = Logger.getLogger(FeedWaiters.class);

    private record Waiter(long since, long deadline, CompletableFuture<Boolean> released) {
    }

    private final FeedCounter counter;
    private final Duration checkInterval;
    private final List<Waiter> waiting = new ArrayList<>();
    private ScheduledExecutorService checker;

    public FeedWaiters(FeedCounter counter, FeedConfig config) {
        this.counter = counter;
        this.checkInterval = config.checkInterval();
    }

    void start(@Observes StartupEvent event) {
        checker();
    }

    void stop(@Observes ShutdownEvent event) {
        ScheduledExecutorService c;
        synchronized (waiting) {
            c = checker;
            checker = null;
            waiting.forEach(w -> w.released().complete(false));
            waiting.clear();
        }
        if (c != null) {
            c.shutdownNow();
        }
    }

    /**
     * Completes with true once the feed counter is above {@code since}, or with false after {@code waitMs} (or at
     * shutdown). The caller reads the feed then.
     */
    public CompletionStage<Boolean> changeAfter(long since, long waitMs) {
        Waiter w = new Waiter(since, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs), new CompletableFuture<>());
        synchronized (waiting) {
            waiting.add(w);
        }
        signal();   // a change committed between the caller's read of the feed and now releases it at once
        return w.released();
    }

    /** A write of this JVM advanced the counter: once it commits (at once without a transaction), check the counter. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FeedCounter.Advanced advanced) {
        signal();
    }

    /** A write of the feed committed in this JVM: check the counter now. */
    public void signal() {
        ScheduledExecutorService c = checker();
        if (c != null) {
            try {
                c.execute(this::check);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // shutting down: the waiters were released
            }
        }
    }

    private ScheduledExecutorService checker() {
        synchronized (waiting) {
            if (checker == null) {
                checker = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "region-feed-waiters");
                    t.setDaemon(true);
                    return t;
                });
                checker.scheduleWithFixedDelay(this::check, checkInterval.toMillis(), checkInterval.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            return checker;
        }
    }

    private void check() {
        List<Waiter> now;
        synchronized (waiting) {
            if (waiting.isEmpty()) {
                return;
            }
            now = List.copyOf(waiting);
        }
        long counter;
        try {
            counter = this.counter.current();
        } catch (RuntimeException e) {
            LOG.debugf("Cannot read the feed counter for the long polls: %s", e.getMessage());
            counter = Long.MIN_VALUE;   // the deadlines still hold
        }
        long t = System.nanoTime();
        List<Waiter> changed = new ArrayList<>();
        List<Waiter> expired = new ArrayList<>();
        synchronized (waiting) {
            for (Iterator<Waiter> it = waiting.iterator(); it.hasNext();) {
                Waiter w = it.next();
                if (!now.contains(w)) {
                    continue;   // arrived after the read: the next check decides
                }
                if (counter > w.since()) {
                    changed.add(w);
                    it.remove();
                } else if (t - w.deadline() >= 0) {
                    expired.add(w);
                    it.remove();
                }
            }
        }
        changed.forEach(w -> w.released().complete(true));
        expired.forEach(w -> w.released().complete(false));
    }

    /** How many long polls wait now. */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }
}
