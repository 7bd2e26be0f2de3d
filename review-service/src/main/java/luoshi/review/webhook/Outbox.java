package luoshi.review.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Function;
import luoshi.api.review.Reminder;
import org.hibernate.Session;

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

    /** Rows per multi-row INSERT. */
    private static final int CHUNK = 500;

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    /**
     * In the reminders' transaction: a due row for every webhook whose region contains a reminder's. The webhooks
     * are read once and matched here, and the rows written in multi-row statements: a national run creates tens of
     * thousands of reminders (benchmarks/). The payload is made only for a reminder that has a subscriber.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void enqueueAll(List<Reminder> reminders, Function<Reminder, String> payload, Instant now) {
        List<Object[]> webhooks = em.createNativeQuery("SELECT id, region_prefix FROM webhook").getResultList();
        if (webhooks.isEmpty() || reminders.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Reminder r : reminders) {
            String body = null;
            for (Object[] w : webhooks) {
                if (r.regionCode().startsWith((String) w[1])) {
                    body = body == null ? payload.apply(r) : body;
                    rows.add(new Object[] {UUID.randomUUID().toString(), w[0], r.id(), body});
                }
            }
        }
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Timestamp at = Timestamp.from(now);
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                StringBuilder sql = new StringBuilder("INSERT INTO webhook_delivery (id, webhook_id, reminder_id, payload, "
                        + "status, attempts, next_attempt_at, created_at) VALUES ");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "" : ",").append("(?,?,?,?,'PENDING',0,?,?)");
                }
                try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (Object[] row : chunk) {
                        ps.setString(p++, (String) row[0]);
                        ps.setString(p++, (String) row[1]);
                        ps.setString(p++, (String) row[2]);
                        ps.setString(p++, (String) row[3]);
                        ps.setTimestamp(p++, at, utc);   // as Hibernate stores an Instant
                        ps.setTimestamp(p++, at, utc);
                    }
                    ps.executeUpdate();
                }
            }
        });
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
