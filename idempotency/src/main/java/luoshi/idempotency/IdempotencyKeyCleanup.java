package luoshi.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes the keys older than the retention (at least 24 h, API.md), every {@code luoshi.idempotency.cleanup-every}.
 * Every replica runs it; the deletes are idempotent.
 */
@ApplicationScoped
public class IdempotencyKeyCleanup {

    /** API.md: "Keys are kept at least 24 h." */
    static final Duration MIN_RETENTION = Duration.ofHours(24);

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeyCleanup(IdempotencyKeys keys, Clock clock, IdempotencyConfig config) {
        this.keys = keys;
        this.clock = clock;
        this.retention = config.retention().compareTo(MIN_RETENTION) < 0 ? MIN_RETENTION : config.retention();
    }

    @Scheduled(every = "${luoshi.idempotency.cleanup-every:1h}", identity = "idempotency-key-cleanup",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteExpired(clock.instant());
    }

    /** Deletes the keys created before {@code now} minus the retention; answers how many. */
    public int deleteExpired(Instant now) {
        return keys.deleteCreatedBefore(now.minus(retention));
    }
}
