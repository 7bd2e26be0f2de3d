package luoshi.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import luoshi.api.compliance.AnswerVersionFeed;
import luoshi.db.VersionWaiters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's answer versions for the gateway's kept answers (its service token only: the interface's
 * {@code @Requires(SERVICE)}). A long poll that finds nothing after its version waits in {@link VersionWaiters} on the
 * data version, without a worker thread: released at once when a write of this JVM commits, and within
 * {@code luoshi.answer-versions.check-interval} (150 ms) of a write of another replica on the same schema.
 */
@ApplicationScoped
public class AnswerVersionFeedResource implements AnswerVersionFeed {

    private final DataVersion dataVersion;
    private final VersionWaiters waiters;

    AnswerVersionFeedResource(DataVersion dataVersion,
            @ConfigProperty(name = "luoshi.answer-versions.check-interval", defaultValue = "150ms") Duration checkInterval) {
        this.dataVersion = dataVersion;
        this.waiters = new VersionWaiters("answer-version-waiters", dataVersion::current, checkInterval);
    }

    @Override
    public CompletionStage<AnswerVersions> changes(long since, long waitMs) {
        AnswerVersions now = read(since);
        if (waitMs == 0 || now.version() > since) {
            return CompletableFuture.completedFuture(now);
        }
        return waiters.changeAfter(since, waitMs).thenApplyAsync(changed -> changed ? read(since) : now,
                Infrastructure.getDefaultWorkerPool());
    }

    /** The marks and the version in one transaction: one snapshot. */
    private AnswerVersions read(long since) {
        return QuarkusTransaction.requiringNew().call(() -> dataVersion.changesSince(since));
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataVersion.Advanced advanced) {
        waiters.signal();
    }

    void stop(@Observes ShutdownEvent event) {
        waiters.close();
    }
}
