package luoshi.review.service;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import luoshi.platform.ProblemException;
import luoshi.review.config.WebhookConfig;
import luoshi.review.store.DeliveryStore.Claimed;

/**
 * Sends due outbox rows (API.md, Reminders and webhooks): POSTs the stored JSON with the Standard
 * Webhooks headers, {@code webhook-id} being the reminder's id on every attempt. At least once:
 * a row is marked delivered only after a 2xx answer. Each attempt checks the URL again ({@link WebhookTargets}:
 * resolved once, every address checked) and connects to the checked address ({@link PinnedHttp}); a refused target
 * is not contacted, and the delivery log says "refused: …" (retried like a failure: a name may resolve elsewhere
 * later). {@link #sendDue(Instant)} takes "now" as a parameter, so tests drive the back-off without waiting.
 */
@ApplicationScoped
public class WebhookSender {

    private final Outbox outbox;
    private final WebhookConfig config;
    private final Clock clock;
    private final WebhookTargets targets;
    private final PinnedHttp http;

    WebhookSender(Outbox outbox, WebhookConfig config, Clock clock, WebhookTargets targets, Vertx vertx) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.targets = targets;
        this.http = new PinnedHttp(vertx, config.timeout());
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Scheduled(identity = "webhook-sender", every = "${luoshi.webhooks.send-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue(clock.instant());
    }

    /** Sends every delivery due at {@code now}; returns how many were delivered. */
    public int sendDue(Instant now) {
        int delivered = 0;
        for (List<Claimed> batch = claim(now); !batch.isEmpty(); batch = claim(now)) {
            for (Claimed c : batch) {
                Outbox.Outcome outcome = post(c, now);
                outbox.record(c, now, outcome);
                delivered += outcome.delivered() ? 1 : 0;
            }
        }
        return delivered;
    }

    private List<Claimed> claim(Instant now) {
        return outbox.claim(now, config.batchSize());
    }

    private Outbox.Outcome post(Claimed c, Instant now) {
        WebhookTargets.Target target;
        try {
            // checked again at each attempt, resolved once, and the connection goes to the address checked here
            target = targets.resolve(c.url());
        } catch (ProblemException e) {
            return new Outbox.Outcome(null, "refused: " + e.problem().violations().get(0).message());
        }
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = Map.of(
                "content-type", "application/json",
                "webhook-id", c.reminderId(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignature.sign(c.secret(), c.reminderId(), timestamp, c.payload()));
        try {
            int status = http.post(target, headers, c.payload());
            return new Outbox.Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (TimeoutException e) {
            return new Outbox.Outcome(null, "timed out after " + config.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Outbox.Outcome(null, "connection failed" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outbox.Outcome(null, "interrupted");
        }
    }
}
