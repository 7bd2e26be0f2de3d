package luoshi.gateway.client;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.net.URI;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import luoshi.api.compliance.AnswerVersionFeed;
import luoshi.api.compliance.AnswerVersionFeed.AnswerVersions;
import luoshi.api.compliance.AnswerVersionFeed.Mark;
import luoshi.security.ServiceTokens;
import org.jboss.logging.Logger;

/**
 * What the gateway knows of one service's answer versions, without asking per request: every region's counters, as
 * the service's feed ({@link AnswerVersionFeed}) pushes them by long polls, current at {@link #known()} (the service's
 * data version); and the highest data version the service has said it has ({@link #raise}: every write that passes
 * through this gateway answers it). A version of an answer read from here is the one the service itself would say
 * ({@link AnswerVersionFeed#version}), as long as the book is {@link #current}: the feed answered within its bound, and
 * no write this gateway has seen is beyond what the feed brought.
 */
public final class AnswerVersionBook {

    private static final Logger LOG = Logger.getLogger(AnswerVersionBook.class);
    /** After a failed poll, the next one waits this long (the book is not current meanwhile). */
    private static final long RETRY_MS = 1000;

    private final String service;
    private final RegionCounters marks = new RegionCounters();
    private final AtomicLong raised = new AtomicLong();
    private final long waitMs;
    private final long boundNanos;
    private volatile long known = -1;
    /** When the feed last answered (System.nanoTime), or never ({@code heard} false). */
    private volatile long heardAt;
    private volatile boolean heard;
    private volatile boolean stopped;
    private AnswerVersionFeed feed;
    private ScheduledExecutorService timer;

    /**
     * The book of {@code service}; its feed long-polls for {@code waitMs}, and the book counts as current for
     * {@code waitMs} + {@code graceMs} after the feed last answered.
     */
    AnswerVersionBook(String service, long waitMs, long graceMs) {
        this.service = service;
        this.waitMs = waitMs;
        this.boundNanos = TimeUnit.MILLISECONDS.toNanos(waitMs + graceMs);
    }

    /** Follows the service's feed at {@code baseUri} with this gateway's service token, from now on. */
    void follow(URI baseUri, ServiceTokens tokens, ScheduledExecutorService timer) {
        this.timer = timer;
        this.feed = QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(2000, TimeUnit.MILLISECONDS)
                .readTimeout(waitMs + 2000, TimeUnit.MILLISECONDS)
                .register(tokens.filter())
                .build(AnswerVersionFeed.class);
        poll();
    }

    void stop() {
        stopped = true;
    }

    private void poll() {
        if (stopped) {
            return;
        }
        long since = Math.max(known, 0);
        try {
            feed.changes(since, waitMs).whenComplete((page, failure) -> {
                if (failure == null) {
                    apply(since, page);
                    poll();
                } else {
                    failed(failure);
                }
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(Throwable failure) {
        heard = false;   // not current until the feed answers again: a restarted service may have lost nothing, or all
        LOG.debugf("%s: its answer versions' feed did not answer (%s); trying again in %d ms", service,
                failure.toString(), RETRY_MS);
        if (!stopped) {
            timer.schedule(this::poll, RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** A page of the feed asked {@code since}: its counters, then its version, then that the feed answered. */
    synchronized void apply(long since, AnswerVersions page) {
        if (page.version() < since) {
            // the service's data version went back (its database was replaced): start again from nothing
            marks.clear();
            raised.set(0);
            known = -1;
            return;
        }
        for (Mark mark : page.marks()) {
            marks.put(mark);
        }
        known = Math.max(known, page.version());
        heardAt = System.nanoTime();
        heard = true;
    }

    /** The service said its data is at {@code version} (a write's answer, a consistency token). */
    void raise(long version) {
        raised.accumulateAndGet(version, Math::max);
    }

    /** The version the feed's counters are current at; -1 before its first answer. */
    public long known() {
        return known;
    }

    /** The highest data version this gateway knows the service has: the feed's, or a write's answer's. */
    public long highest() {
        return Math.max(known, raised.get());
    }

    /**
     * Whether an answer version read from here is the service's: the feed answered within its bound, and it is at
     * least at every version the service has said it has, and at {@code atLeast}.
     */
    public boolean current(long atLeast) {
        long k = known;
        return heard && k >= 0 && k >= raised.get() && k >= atLeast && System.nanoTime() - heardAt <= boundNanos;
    }

    /** The version of the answers about {@code regionCode}, as the service would say it now. */
    public String version(String regionCode) {
        return AnswerVersionFeed.version(regionCode, marks::get);
    }

    public String service() {
        return service;
    }
}
