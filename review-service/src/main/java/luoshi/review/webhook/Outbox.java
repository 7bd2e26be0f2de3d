package luoshi.review.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import luoshi.api.review.Reminder;

/**
 * The webhook outbox: a row per (reminder, webhook). Rows are claimed with FOR UPDATE SKIP LOCKED,
 * so replicas sending at once never take the same row, and a claim is a lease (claimed_until), so
 * the rows of a sender that died are due again when it runs out.
 */
@ApplicationScoped
public class Outbox {

    /** A claimed delivery and what is needed to send it. */
    public record Claimed(String id, String claimToken, String reminderId, String url, String secret, String payload,
            int attempts) {
    }

    /** The result of one attempt: a status code (null when there was no answer) and an error. */
    public record Outcome(Integer statusCode, String error) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    /** In the reminder's transaction: a due row for every webhook whose region contains the reminder's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Reminder r, String payload, Instant now) {
        em.createNativeQuery("INSERT INTO webhook_delivery (id, webhook_id, reminder_id, payload, status, attempts, "
                + "next_attempt_at, created_at) SELECT UUID(), w.id, ?1, ?2, 'PENDING', 0, ?3, ?3 FROM webhook w "
                + "WHERE ?4 LIKE CONCAT(w.region_prefix, '%')")
                .setParameter(1, r.id()).setParameter(2, payload).setParameter(3, now).setParameter(4, r.regionCode())
                .executeUpdate();
    }

    /** Takes up to {@code limit} due deliveries for one lease. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(Instant now, int limit) {
        List<String> ids = em.createNativeQuery("SELECT id FROM webhook_delivery WHERE status = 'PENDING' "
                + "AND next_attempt_at <= ?1 AND (claimed_until IS NULL OR claimed_until <= ?1) "
                + "ORDER BY next_attempt_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        em.createNativeQuery("UPDATE webhook_delivery SET claimed_until = ?1, claim_token = ?2 WHERE id IN (?3)")
                .setParameter(1, now.plus(config.claimLease())).setParameter(2, token).setParameter(3, ids)
                .executeUpdate();
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.reminder_id, w.url, w.secret, d.payload, d.attempts "
                + "FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id WHERE d.id IN (?1) "
                + "ORDER BY d.next_attempt_at, d.id").setParameter(1, ids).getResultList();
        return rows.stream().map(r -> new Claimed((String) r[0], token, (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).intValue())).toList();
    }

    /**
     * Records an attempt made at {@code at}: delivered, or due again after the next back-off, or
     * FAILED after the last one. Ignored when the lease was lost to another sender meanwhile.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Claimed c, Instant at, Outcome outcome) {
        int attempts = c.attempts() + 1;
        List<Duration> delays = config.retryDelays();
        String status;
        Instant next = null;
        if (outcome.delivered()) {
            status = "DELIVERED";
        } else if (attempts > delays.size()) {
            status = "FAILED";
        } else {
            status = "PENDING";
            next = at.plus(delays.get(attempts - 1));
        }
        em.createNativeQuery("UPDATE webhook_delivery SET status = ?1, attempts = ?2, next_attempt_at = ?3, "
                + "claim_token = NULL, claimed_until = NULL, last_attempt_at = ?4, last_status_code = ?5, last_error = ?6, "
                + "delivered_at = ?7 WHERE id = ?8 AND claim_token = ?9")
                .setParameter(1, status).setParameter(2, attempts).setParameter(3, next).setParameter(4, at)
                .setParameter(5, outcome.statusCode()).setParameter(6, truncate(outcome.error()))
                .setParameter(7, outcome.delivered() ? at : null).setParameter(8, c.id()).setParameter(9, c.claimToken())
                .executeUpdate();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
