package luoshi.org.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The change feed's long polls ({@code luoshi.feed.*}). */
@ConfigMapping(prefix = "luoshi.feed")
public interface FeedConfig {

    /**
     * How often the waiting long polls check the feed counter for the writes of other replicas of org-service on the
     * same schema; a write of this JVM releases them at once, after its commit.
     */
    @WithDefault("150ms")
    Duration checkInterval();
}
