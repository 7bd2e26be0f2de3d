package luoshi.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long keys are kept, and how long a retry waits for a first call with its key that is still running. */
@ConfigMapping(prefix = "luoshi.idempotency")
public interface IdempotencyConfig {

    /** API.md: keys are kept at least 24 h; a shorter setting is raised to that. */
    @WithDefault("PT24H")
    Duration retention();

    /**
     * How long a call waits on the row lock of a key that a running call holds (whole seconds, InnoDB's
     * {@code innodb_lock_wait_timeout}): when that call commits in time, the answer is replayed (or 422), else 409.
     */
    @WithDefault("1")
    int inProgressWaitSeconds();
}
