package luoshi.review.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import luoshi.api.compliance.OpenItem;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderEvent;
import luoshi.api.review.ReminderStage;
import luoshi.audit.AuditTrail;
import luoshi.db.RetriedOnConflict;
import luoshi.review.store.ItemSpans;
import luoshi.review.store.ReminderStore;

/**
 * Stores a run's reminders and their outbox rows, a part of the run at a time (the items an owner handed over together,
 * issue #29), each part in one transaction. The unique key (requirement, region, period, stage) decides what is new:
 * INSERT IGNORE creates a reminder at most once whatever ran before, and only a reminder created now gets outbox rows.
 * No lock: replicas writing at once, on one server or on two Galera nodes, conflict on the unique key (a lock wait, or a
 * lost certification at commit: 1213), and the loser's part runs again whole ({@link RetriedOnConflict}), finds the
 * winner's reminders and creates none of them (issue #18). A run that stops half way keeps the parts it wrote; the next
 * creates the rest, and none twice. The run itself is one audit event (entity {@code reminder-run}, region the run's
 * scope), recorded when its parts are written ({@link #recordRun}).
 */
@ApplicationScoped
public class ReminderWriter {

    /** An open item and the stage it reached. */
    public record Candidate(OpenItem item, ReminderStages.Stage stage) {
    }

    /** What the audit trail keeps of a run. */
    record Run(LocalDate asOf, int created) {
    }

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

    /**
     * Stores the reminders of a part of a run that are not stored yet; answers how many it created. A transaction of its
     * own: a run asked with an Idempotency-Key is inside the key's transaction, whose timeout cannot be changed; the run
     * is idempotent by itself (one reminder per item and stage), so its reminders may commit apart from the key.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @RetriedOnConflict
    public int write(List<Candidate> candidates, Instant now) {
        if (candidates.isEmpty()) {
            return 0;
        }
        // the common case on a daily run: spare the database an INSERT that it would ignore
        Set<ReminderStore.Key> known = store.keysOf(ItemSpans.of(candidates.stream().map(Candidate::item).toList()));
        List<Reminder> fresh = new ArrayList<>();
        for (Candidate c : candidates) {
            OpenItem i = c.item();
            if (known.add(new ReminderStore.Key(i.requirementId(), i.regionCode(), i.periodStart(), c.stage().stage(),
                    c.stage().leadDays()))) {
                fresh.add(new Reminder(UUID.randomUUID().toString(), i.requirementId(), i.requirementTitle(),
                        i.regionCode(), i.regionName(), i.periodStart(), i.periodEnd(), i.dueDate(), c.stage().stage(),
                        c.stage().stage() == ReminderStage.OVERDUE ? null : c.stage().leadDays(), now, i.owner()));
            }
        }
        List<Reminder> created = store.insertNew(fresh);
        outbox.enqueueAll(created, this::payload, now);
        return created.size();
    }

    /**
     * The run's audit event, once its parts are written: how many reminders it created in {@code scope}. Retried as the
     * parts are: it advances the data version's row, which a write on another Galera node may take first (1213).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @RetriedOnConflict
    public void recordRun(LocalDate asOf, String scope, int created) {
        audit.record(AuditTrail.Action.RUN, "reminder-run", null, scope, null, new Run(asOf, created));
    }

    private String payload(Reminder r) {
        try {
            return json.writeValueAsString(ReminderEvent.created(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reminder event is always serialisable", e);
        }
    }
}
