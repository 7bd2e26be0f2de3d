package luoshi.review.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import luoshi.api.compliance.OpenItem;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderEvent;
import luoshi.api.review.ReminderStage;
import luoshi.audit.AuditTrail;
import luoshi.db.RetriedOnConflict;
import luoshi.review.store.ReminderStore;
import org.jboss.logging.Logger;

/**
 * Stores a run's reminders and their outbox rows in one transaction. The unique key (requirement, region, period,
 * stage) decides what is new: INSERT IGNORE creates a reminder at most once whatever ran before, and only a reminder
 * created now gets outbox rows. No lock: replicas writing at once, on one server or on two Galera nodes, conflict on
 * the unique key (a lock wait, or a lost certification at commit: 1213), and the loser's transaction runs again whole
 * ({@link RetriedOnConflict}), finds the winner's reminders and creates none of them (issue #18).
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

    private static final Logger LOG = Logger.getLogger(ReminderWriter.class);

    private final ReminderStore store;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final AuditTrail audit;

    ReminderWriter(ReminderStore store, Outbox outbox, ObjectMapper json, AuditTrail audit) {
        this.store = store;
        this.outbox = outbox;
        this.json = json;
        this.audit = audit;
    }

    // A transaction of its own: a run asked with an Idempotency-Key is inside the key's transaction, whose timeout cannot
    // be changed; the run is idempotent by itself (one reminder per item and stage), so its reminders may commit apart
    // from the key.
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @RetriedOnConflict
    @TransactionConfiguration(timeout = 600)
    public int write(List<Candidate> candidates, LocalDate asOf, String scope, Instant now) {
        long t0 = System.nanoTime();
        Set<ReminderStore.Key> known = existingKeys(candidates);
        long t1 = System.nanoTime();
        List<Reminder> fresh = new ArrayList<>();
        for (Candidate c : candidates) {
            OpenItem i = c.item();
            // the common case on a daily run: spare the database an INSERT that it would ignore
            if (known.add(new ReminderStore.Key(i.requirementId(), i.regionCode(), i.periodStart(), c.stage().stage(),
                    c.stage().leadDays()))) {
                fresh.add(new Reminder(UUID.randomUUID().toString(), i.requirementId(), i.requirementTitle(),
                        i.regionCode(), i.regionName(), i.periodStart(), i.periodEnd(), i.dueDate(), c.stage().stage(),
                        c.stage().stage() == ReminderStage.OVERDUE ? null : c.stage().leadDays(), now, i.owner()));
            }
        }
        long t2 = System.nanoTime();
        List<Reminder> created = store.insertNew(fresh);
        long t3 = System.nanoTime();
        outbox.enqueueAll(created, this::payload, now);
        audit.record(AuditTrail.Action.RUN, "reminder-run", null, scope, null, new Run(asOf, created.size()));
        long t4 = System.nanoTime();
        LOG.debugf("Reminders: %d keys read in %d ms, %d built in %d ms, inserted in %d ms, outbox and audit in %d ms",
                known.size(), (t1 - t0) / 1_000_000, fresh.size(), (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000);
        return created.size();
    }

    /** The keys of the reminders already stored for the candidates' due dates, in one query. */
    private Set<ReminderStore.Key> existingKeys(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return new HashSet<>();
        }
        LocalDate from = candidates.stream().map(c -> c.item().dueDate()).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = candidates.stream().map(c -> c.item().dueDate()).max(LocalDate::compareTo).orElseThrow();
        return store.keysDueBetween(from, to);
    }

    private String payload(Reminder r) {
        try {
            return json.writeValueAsString(ReminderEvent.created(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reminder event is always serialisable", e);
        }
    }
}
