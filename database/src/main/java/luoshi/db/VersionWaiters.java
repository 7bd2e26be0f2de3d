package luoshi.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The long polls of a feed that follows a version counter in the database (org-service's region feed, every service's
 * answer versions): a follower that finds nothing after its version waits here, holding no thread and no connection.
 * One thread of its own reads the counter for all of them, at once when a write of this JVM commits ({@link #signal})
 * and every {@code checkInterval} while any waits, for the writes of other replicas on the same schema. A waiter is
 * released when the counter is above its version, or empty-handed at its deadline or when {@link #close}d.
 */
public final class VersionWaiters implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VersionWaiters.class);

    private record Waiter(long since, long deadline, CompletableFuture<Boolean> released) {
    }

    private final String name;
    private final LongSupplier counter;
    private final Duration checkInterval;
    private final List<Waiter> waiting = new ArrayList<>();
    private ScheduledExecutorService checker;
    private boolean closed;

    /** Waiters on {@code counter} (read on a thread named {@code name}), checked every {@code checkInterval}. */
    public VersionWaiters(String name, LongSupplier counter, Duration checkInterval) {
        this.name = name;
        this.counter = counter;
        this.checkInterval = checkInterval;
    }

    /**
     * Completes with true once the counter is above {@code since}, or with false after {@code waitMs} (or when closed).
     * The caller reads the feed then.
     */
    public CompletionStage<Boolean> changeAfter(long since, long waitMs) {
        Waiter w = new Waiter(since, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs), new CompletableFuture<>());
        synchronized (waiting) {
            if (closed) {
                return CompletableFuture.completedFuture(false);
            }
            waiting.add(w);
        }
        signal();   // a change committed between the caller's read of the feed and now releases it at once
        return w.released();
    }

    /** A write of this JVM committed: read the counter now. */
    public void signal() {
        ScheduledExecutorService c = checker();
        if (c != null) {
            try {
                c.execute(this::check);
            } catch (RejectedExecutionException stopping) {
                // closing: the waiters were released
            }
        }
    }

    /** How many long polls wait now. */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    /** Releases every waiter empty-handed and stops the checking thread (at shutdown). */
    @Override
    public void close() {
        ScheduledExecutorService c;
        List<Waiter> released;
        synchronized (waiting) {
            closed = true;
            c = checker;
            checker = null;
            released = List.copyOf(waiting);
            waiting.clear();
        }
        released.forEach(w -> w.released().complete(false));
        if (c != null) {
            c.shutdownNow();
        }
    }

    private ScheduledExecutorService checker() {
        synchronized (waiting) {
            if (checker == null && !closed) {
                checker = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, name);
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
        long current;
        try {
            current = counter.getAsLong();
        } catch (RuntimeException e) {
            LOG.debugf("%s: cannot read the counter for the long polls: %s", name, e.getMessage());
            current = Long.MIN_VALUE;   // the deadlines still hold
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
                if (current > w.since()) {
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
}
