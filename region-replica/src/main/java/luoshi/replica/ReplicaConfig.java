package luoshi.replica;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code luoshi.replica.*}: how the read copy follows org-service (URL: {@code luoshi.services.org.url}). */
@ConfigMapping(prefix = "luoshi.replica")
public interface ReplicaConfig {

    /** False: no following, no versions in the answers, and no staleness warnings (tests that write the copy with SQL). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long the follower waits after a failed call to the feed before it asks again ({@code off}: no follower at
     * all; sync() still works). A call that succeeds is followed by the next long poll at once.
     */
    @WithDefault("5s")
    String pollInterval();

    /** How long one call to the feed waits for a change (a long poll; below {@link #readTimeout()}). */
    @WithDefault("25s")
    Duration longPoll();

    /** Older than this since the last successful catch-up, the copy is stale: health and answers say so. */
    @WithDefault("10m")
    Duration maxStaleness();

    /**
     * How long the copy's state read for the answers' warnings is used again: every compliance answer says whether
     * the copy is stale, and staleness is measured in minutes, so one read a second serves them all.
     */
    @WithDefault("1s")
    Duration warningsRefresh();

    /** Rows per feed page. */
    @WithDefault("10000")
    int pageSize();

    /** Timeout of one feed call. */
    @WithDefault("30s")
    Duration readTimeout();

    /**
     * A page of the feed that changes at most this many regions advances the answer versions of those regions (and
     * their ancestors) only; a larger one (a bulk load of regions or population) advances the whole country's at once:
     * one counter instead of thousands, each of which the gateway's kept answers would receive and apply (issue #29).
     */
    @WithDefault("500")
    int precisePageRegions();
}
