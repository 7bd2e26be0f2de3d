package luoshi.review.reminder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import luoshi.api.compliance.OpenItem;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderEvent;
import luoshi.audit.AuditTrail;
import luoshi.review.webhook.Outbox;
import org.hibernate.Session;

/**
 * Stores a run's reminders and their outbox rows in one transaction, under the job's lock row.
 * The unique key (requirement, region, period, stage) decides what is new: INSERT IGNORE creates a
 * reminder at most once whatever ran before, and only a reminder created now gets outbox rows.
 * The run itself is one audit event (entity {@code reminder-run}, region the run's scope).
 */
@ApplicationScoped
public class ReminderWriter {

    /** An open item and the stage it reached. */
    public record Candidate(OpenItem item, ReminderStages.Stage stage) {
    }

    /** What the audit trail keeps of a run. */
    record Run(LocalDate asOf, int created) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail audit;

    /** Rows per multi-row INSERT: 500 × 11 parameters, well inside any packet. */
    static final int CHUNK = 500;

    @Transactional
    @TransactionConfiguration(timeout = 600)
    public int write(List<Candidate> candidates, LocalDate asOf, String scope, Instant now) {
        // Replicas that finished reading their owners write one after the other.
        em.createNativeQuery("SELECT name FROM job_lock WHERE name = 'reminders' FOR UPDATE").getResultList();
        Set<List<Object>> known = existingKeys(candidates);
        List<Reminder> fresh = new ArrayList<>();
        for (Candidate c : candidates) {
            OpenItem i = c.item();
            // the common case on a daily run: spare the database an INSERT that it would ignore
            if (known.add(key(i.requirementId(), i.regionCode(), i.periodStart(), c.stage().stage().name(),
                    c.stage().leadDays()))) {
                fresh.add(new Reminder(UUID.randomUUID().toString(), i.requirementId(), i.requirementTitle(),
                        i.regionCode(), i.regionName(), i.periodStart(), i.periodEnd(), i.dueDate(), c.stage().stage(),
                        c.stage().stage() == luoshi.api.review.ReminderStage.OVERDUE ? null : c.stage().leadDays(), now));
            }
        }
        List<Reminder> created = insert(fresh);
        outbox.enqueueAll(created, this::payload, now);
        audit.record(AuditTrail.Action.RUN, "reminder-run", null, scope, null, new Run(asOf, created.size()));
        return created.size();
    }

    /**
     * Inserts the reminders in multi-row statements (a national run creates tens of thousands: one statement
     * each took minutes, benchmarks/); INSERT IGNORE under the unique key still creates each at most once, and
     * RETURNING names the rows it did create, the only ones that get outbox rows.
     */
    private List<Reminder> insert(List<Reminder> reminders) {
        Set<String> inserted = new HashSet<>();
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < reminders.size(); from += CHUNK) {
                List<Reminder> chunk = reminders.subList(from, Math.min(reminders.size(), from + CHUNK));
                StringBuilder sql = new StringBuilder("INSERT IGNORE INTO reminder (id, requirement_id, requirement_title, "
                        + "region_code, region_name, period_start, period_end, due_date, stage, lead_days, created_at) VALUES ");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?)");
                }
                try (PreparedStatement ps = connection.prepareStatement(sql.append(" RETURNING id").toString())) {
                    int p = 1;
                    for (Reminder r : chunk) {
                        ps.setString(p++, r.id());
                        ps.setString(p++, r.requirementId());
                        ps.setString(p++, r.requirementTitle());
                        ps.setString(p++, r.regionCode());
                        ps.setString(p++, r.regionName());
                        ps.setObject(p++, r.periodStart());
                        ps.setObject(p++, r.periodEnd());
                        ps.setObject(p++, r.dueDate());
                        ps.setString(p++, r.stage().name());
                        ps.setInt(p++, r.daysBefore() == null ? 0 : r.daysBefore());
                        ps.setTimestamp(p++, Timestamp.from(r.createdAt()), utc);   // as Hibernate stores an Instant
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            inserted.add(rs.getString(1));
                        }
                    }
                }
            }
        });
        return reminders.stream().filter(r -> inserted.contains(r.id())).toList();
    }

    /** The keys of the reminders already stored for the candidates' due dates, in one query. */
    @SuppressWarnings("unchecked")
    private Set<List<Object>> existingKeys(List<Candidate> candidates) {
        Set<List<Object>> keys = new HashSet<>();
        if (candidates.isEmpty()) {
            return keys;
        }
        LocalDate from = candidates.stream().map(c -> c.item().dueDate()).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = candidates.stream().map(c -> c.item().dueDate()).max(LocalDate::compareTo).orElseThrow();
        List<Object[]> rows = em.createNativeQuery("SELECT requirement_id, region_code, period_start, stage, lead_days "
                + "FROM reminder WHERE due_date BETWEEN ?1 AND ?2").setParameter(1, from).setParameter(2, to)
                .getResultList();
        for (Object[] row : rows) {
            LocalDate start = row[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[2];
            keys.add(key((String) row[0], (String) row[1], start, (String) row[3], ((Number) row[4]).intValue()));
        }
        return keys;
    }

    private static List<Object> key(String requirementId, String regionCode, LocalDate periodStart, String stage,
            int leadDays) {
        return List.of(requirementId, regionCode, periodStart, stage, leadDays);
    }

    private String payload(Reminder r) {
        try {
            return json.writeValueAsString(ReminderEvent.created(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reminder event is always serialisable", e);
        }
    }
}
