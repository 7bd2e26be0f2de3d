package luoshi.review.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import luoshi.api.common.Page;
import luoshi.api.review.DeliveryStatus;
import luoshi.api.review.WebhookDelivery;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.db.Timestamps;

/**
 * The webhook outbox (table {@code webhook_delivery}): a row per (reminder, webhook). A row is claimed for a lease
 * ({@code claimed_until}, {@code claim_token}); an attempt is recorded only by the sender that still holds the lease.
 */
@ApplicationScoped
public class DeliveryStore {

    /** A new outbox row: due at once, never attempted. */
    public record NewDelivery(String id, String webhookId, String reminderId, String payload) {
    }

    /** A claimed delivery and what is needed to send it. */
    public record Claimed(String id, String claimToken, String reminderId, String url, String secret, String payload,
            int attempts) {
    }

    /** What an attempt leaves in the row: the status, when the next is due (PENDING only), the answer or the error. */
    public record Attempt(DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant at, Integer statusCode,
            String error, Instant deliveredAt) {
    }

    private final Database db;

    DeliveryStore(Database db) {
        this.db = db;
    }

    /** The rows, due at {@code now}, in multi-row statements. */
    public void enqueue(List<NewDelivery> deliveries, Instant now) {
        Object at = Timestamps.utc(now);
        db.insertAll("INSERT INTO webhook_delivery (id, webhook_id, reminder_id, payload, status, attempts, next_attempt_at, "
                + "created_at) VALUES", "", deliveries,
                d -> List.of(d.id(), d.webhookId(), d.reminderId(), d.payload(), DeliveryStatus.PENDING, 0, at, at));
    }

    /**
     * Up to {@code limit} rows due at {@code now} and not leased, locked with FOR UPDATE SKIP LOCKED: replicas claiming
     * at once never take the same row, and none waits for another's.
     */
    public List<String> lockDue(Instant now, int limit) {
        Object at = Timestamps.utc(now);
        return db.list(Sql.of("SELECT id FROM webhook_delivery WHERE status = :pending AND next_attempt_at <= :now"
                + " AND (claimed_until IS NULL OR claimed_until <= :now) ORDER BY next_attempt_at, id LIMIT :limit"
                + " FOR UPDATE SKIP LOCKED").bind("pending", DeliveryStatus.PENDING).bind("now", at).bind("limit", limit),
                rs -> rs.getString(1));
    }

    /** Leases the (locked) rows to the claim {@code token} until {@code until}; answers them with their webhooks. */
    public List<Claimed> lease(List<String> ids, String token, Instant until) {
        db.update(Sql.of("UPDATE webhook_delivery SET claimed_until = :until, claim_token = :token WHERE id IN (:ids)")
                .bind("until", Timestamps.utc(until)).bind("token", token).bind("ids", ids));
        return db.list(Sql.of("SELECT d.id, d.reminder_id, w.url, w.secret, d.payload, d.attempts FROM webhook_delivery d"
                + " JOIN webhook w ON w.id = d.webhook_id WHERE d.id IN (:ids) ORDER BY d.next_attempt_at, d.id")
                .bind("ids", ids), rs -> new Claimed(rs.getString(1), token, rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6)));
    }

    /** Records the attempt and ends the lease; nothing when the lease was lost to another sender meanwhile. */
    public void record(Claimed c, Attempt a) {
        db.update(Sql.of("UPDATE webhook_delivery SET status = :status, attempts = :attempts, next_attempt_at = :next,"
                + " claim_token = NULL, claimed_until = NULL, last_attempt_at = :at, last_status_code = :code,"
                + " last_error = :error, delivered_at = :delivered WHERE id = :id AND claim_token = :token")
                .bind("status", a.status()).bind("attempts", a.attempts()).bind("next", Timestamps.utc(a.nextAttemptAt()))
                .bind("at", Timestamps.utc(a.at())).bind("code", a.statusCode()).bind("error", a.error())
                .bind("delivered", Timestamps.utc(a.deliveredAt())).bind("id", c.id()).bind("token", c.claimToken()));
    }

    /** The delivery log of a webhook, newest first. */
    public Page<WebhookDelivery> page(String webhookId, int page, int size) {
        return new Filters().with("webhook_id = :webhook", "webhook", webhookId).page(db, "id, reminder_id, status, attempts,"
                + " last_status_code, last_error, last_attempt_at, next_attempt_at, delivered_at, created_at",
                "webhook_delivery", "created_at DESC, id", page, size, rs -> {
                    DeliveryStatus status = DeliveryStatus.valueOf(rs.getString(3));
                    return new WebhookDelivery(rs.getString(1), rs.getString(2), rs.getString(2), status, rs.getInt(4),
                            rs.getObject(5, Integer.class), rs.getString(6), Timestamps.instant(rs, 7),
                            status == DeliveryStatus.PENDING ? Timestamps.instant(rs, 8) : null, Timestamps.instant(rs, 9),
                            Timestamps.instant(rs, 10));
                });
    }
}
