package luoshi.review.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import luoshi.platform.ProblemException;
import luoshi.review.config.WebhookConfig;
import luoshi.review.store.DeliveryStore.Claimed;

/**
 * Sends due outbox rows (API.md, Reminders and webhooks): POSTs the stored JSON with the Standard
 * Webhooks headers, {@code webhook-id} being the reminder's id on every attempt. At least once:
 * a row is marked delivered only after a 2xx answer. {@link #sendDue(Instant)} takes "now" as a
 * parameter, so tests drive the back-off without waiting.
 */
@ApplicationScoped
public class WebhookSender {

    private final Outbox outbox;
    private final WebhookConfig config;
    private final Clock clock;

    private volatile HttpClient http;
    private volatile WebhookTargets targets;

    WebhookSender(Outbox outbox, WebhookConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
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
        try {
            // checked again at each attempt: a name may resolve elsewhere than when it was subscribed
            targets().check(c.url());
        } catch (ProblemException e) {
            return new Outbox.Outcome(null, "refused: " + e.problem().violations().get(0).message());
        }
        long timestamp = now.getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(c.url())).timeout(config.timeout())
                    .header("content-type", "application/json")
                    .header("webhook-id", c.reminderId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(c.secret(), c.reminderId(), timestamp, c.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.payload(), StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            return new Outbox.Outcome(null, "invalid URL");
        }
        try {
            HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outbox.Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Outbox.Outcome(null, "timed out after " + config.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Outbox.Outcome(null, "connection failed" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outbox.Outcome(null, "interrupted");
        }
    }

    private WebhookTargets targets() {
        if (targets == null) {
            targets = WebhookTargets.resolvingWithDns(config.allowPrivateTargets());
        }
        return targets;
    }

    private HttpClient client() {
        if (http == null) {
            // never follow redirects: a public URL must not lead the sender to an internal one
            http = HttpClient.newBuilder().connectTimeout(config.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }
}
