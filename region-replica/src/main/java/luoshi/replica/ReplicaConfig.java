package luoshi.replica;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code luoshi.replica.*}: how the read copy follows org-service (URL: {@code luoshi.services.org.url}). */
@ConfigMapping(prefix = "luoshi.replica")
public interface ReplicaConfig {

    /** False: no polling and no staleness warnings (tests that write the copy's rows with SQL). */
    @WithDefault("true")
    boolean enabled();

    /** How often to ask the feed for changes ({@code off} disables the schedule; sync() still works). */
    @WithDefault("5s")
    String pollInterval();

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
}
