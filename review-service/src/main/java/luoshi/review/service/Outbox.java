package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import luoshi.api.review.DeliveryStatus;
import luoshi.api.review.Reminder;
import luoshi.db.RetriedOnConflict;
import luoshi.review.config.WebhookConfig;
import luoshi.review.store.DeliveryStore;
import luoshi.review.store.DeliveryStore.Claimed;
import luoshi.review.store.WebhookStore;

/**
 * The webhook outbox: a row per (event, webhook); an event is a new reminder or a rectification's (API.md,
 * "Rectification"). Rows are claimed with FOR UPDATE SKIP LOCKED,
 * so replicas sending at once through one server never take the same row, and a claim is a lease (claimed_until),
 * committed before anything is sent, so the rows of a sender that died are due again when it runs out. On Galera the
 * row locks are a node's only: senders on two nodes may lock the same row, but their leases write it, so one of them
 * loses certification at commit and sends nothing; its claim runs again ({@link RetriedOnConflict}) and finds the row
 * leased (issue #18). A sender's attempt is recorded only under its own lease ({@code claim_token}).
 */
@ApplicationScoped
@RetriedOnConflict
public class Outbox {

    /** The result of one attempt: a status code (null when there was no answer) and an error. */
    public record Outcome(Integer statusCode, String error) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final DeliveryStore deliveries;
    private final WebhookStore webhooks;
    private final WebhookConfig config;

    Outbox(DeliveryStore deliveries, WebhookStore webhooks, WebhookConfig config) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.config = config;
    }

    /**
     * An event to deliver: its id (the {@code webhook-id} of its deliveries: a reminder's id, or a rectification event's
     * own), the region it is about, and its body, made only when a webhook subscribes to it.
     */
    public record Event(String id, String regionCode, Supplier<String> payload) {
    }

    /** In the reminders' transaction: {@link #enqueue} for each reminder, its id the event's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(List<Reminder> reminders, Function<Reminder, String> payload, Instant now) {
        enqueue(reminders.stream().map(r -> new Event(r.id(), r.regionCode(), () -> payload.apply(r))).toList(), now);
    }

    /**
     * In the events' transaction: a due row for every webhook whose region contains an event's. The webhooks are read
     * once and matched here, and the rows written in multi-row statements: a national run creates tens of thousands of
     * reminders (benchmarks/). The payload is made only for an event that has a subscriber.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(List<Event> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        List<WebhookStore.Subscriber> subscribers = webhooks.subscribers();
        if (subscribers.isEmpty()) {
            return;
        }
        List<DeliveryStore.NewDelivery> rows = new ArrayList<>();
        for (Event e : events) {
            String body = null;
            for (WebhookStore.Subscriber w : subscribers) {
                if (e.regionCode().startsWith(w.regionPrefix())) {
                    body = body == null ? e.payload().get() : body;
                    rows.add(new DeliveryStore.NewDelivery(UUID.randomUUID().toString(), w.webhookId(), e.id(), body));
                }
            }
        }
        deliveries.enqueue(rows, now);
    }

    /** Takes up to {@code limit} due deliveries for one lease. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(Instant now, int limit) {
        List<String> ids = deliveries.lockDue(now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        return deliveries.lease(ids, UUID.randomUUID().toString(), now.plus(config.claimLease()));
    }

    /**
     * Records an attempt made at {@code at}: delivered, or due again after the next back-off, or
     * FAILED after the last one. Ignored when the lease was lost to another sender meanwhile.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Claimed c, Instant at, Outcome outcome) {
        int attempts = c.attempts() + 1;
        List<Duration> delays = config.retryDelays();
        DeliveryStatus status;
        Instant next = null;
        if (outcome.delivered()) {
            status = DeliveryStatus.DELIVERED;
        } else if (attempts > delays.size()) {
            status = DeliveryStatus.FAILED;
        } else {
            status = DeliveryStatus.PENDING;
            next = at.plus(delays.get(attempts - 1));
        }
        deliveries.record(c, new DeliveryStore.Attempt(status, attempts, next, at, outcome.statusCode(),
                truncate(outcome.error()), outcome.delivered() ? at : null));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
