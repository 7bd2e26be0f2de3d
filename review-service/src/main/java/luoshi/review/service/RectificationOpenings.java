package luoshi.review.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.OpenItem;
import luoshi.api.review.Rectification;
import luoshi.api.review.RectificationEvent;
import luoshi.api.review.RectificationStatus;
import luoshi.api.review.RectificationStep;
import luoshi.audit.AuditTrail;
import luoshi.audit.AuditTrail.Action;
import luoshi.db.Database;
import luoshi.db.RetriedOnConflict;
import luoshi.review.config.RectificationConfig;
import luoshi.review.store.ItemSpans;
import luoshi.review.store.RectificationStore;

/**
 * The reminder job's part in rectification (API.md, "Rectification"): it opens one OPEN rectification for each
 * NON_COMPLIANT item that has no open one, due in the configured days, naming the item's owner, expected and actual,
 * and sends {@code rectification.opened}; and it sends {@code rectification.overdue} once for each open rectification
 * past its due date. Exactly once across replicas and Galera nodes without a lock (issue #18): a rectification is
 * stored by INSERT IGNORE under the unique key of the open item, and only one stored now gets its event; an overdue
 * event is claimed by writing the run's id into the row. A conflict runs the transaction again whole, and it then
 * finds the winner's rows ({@link RetriedOnConflict}).
 */
@ApplicationScoped
@RetriedOnConflict
public class RectificationOpenings {

    /** What the audit trail keeps of a run's overdue claims. */
    record OverdueRun(LocalDate asOf, int overdue) {
    }

    private static final int DESCRIPTION_LENGTH = 1000;

    private final RectificationStore store;
    private final RectificationNotices notices;
    private final AuditTrail audit;
    private final RectificationConfig config;

    RectificationOpenings(RectificationStore store, RectificationNotices notices, AuditTrail audit,
            RectificationConfig config) {
        this.store = store;
        this.notices = notices;
        this.audit = audit;
        this.config = config;
    }

    /**
     * Opens the rectifications of the NON_COMPLIANT {@code items} (of a run's scope) that have none open; answers how many.
     * A transaction of its own, as the reminders' ({@link ReminderWriter}): a run asked with an Idempotency-Key is inside
     * the key's transaction, whose timeout cannot be changed, and the openings are idempotent by themselves. The run hands
     * its items over a part at a time as the owners send them (issue #29); what is open already is read for the part's
     * items only ({@link ItemSpans}), and the items are opened a multi-row statement's worth at a time
     * ({@link Database#CHUNK}), each stored, audited and told before the next is made.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 600)
    public int open(List<OpenItem> items, LocalDate asOf, Instant at) {
        if (items.isEmpty()) {
            return 0;
        }
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        Set<RectificationStore.Item> open = store.openItems(ItemSpans.of(items));
        LocalDate due = asOf.plusDays(config.dueDays());
        int opened = 0;
        for (int from = 0; from < items.size(); from += Database.CHUNK) {
            opened += open(items.subList(from, Math.min(items.size(), from + Database.CHUNK)), open, due, now);
        }
        return opened;
    }

    /** Opens a part of a run's items: those whose item is not in {@code open}, which it adds them to. */
    private int open(List<OpenItem> items, Set<RectificationStore.Item> open, LocalDate due, Instant now) {
        List<Rectification> fresh = new ArrayList<>();
        for (OpenItem i : items) {
            // the common case on a daily run: spare the database an INSERT that it would ignore
            if (open.add(new RectificationStore.Item(i.requirementId(), i.regionCode(), i.periodStart()))) {
                fresh.add(new Rectification(UUID.randomUUID().toString(), i.requirementId(), i.regionCode(),
                        i.periodStart(), i.periodEnd(), due, description(i, due), RectificationStatus.OPEN, i.owner(),
                        i.expected(), i.actual(), List.of(), 1));
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        List<Rectification> created = store.insertNew(fresh, now);
        List<RectificationStore.NewStep> steps = new ArrayList<>();
        List<Rectification> opened = new ArrayList<>();
        // the job opens only for items the engine judged NON_COMPLIANT
        RectificationStep step = new RectificationStep(RectificationStatus.OPEN, AuditTrail.SYSTEM, now, null, null,
                ComplianceStatus.NON_COMPLIANT);
        for (Rectification r : created) {
            steps.add(new RectificationStore.NewStep(r.id(), 1, step));
            opened.add(new Rectification(r.id(), r.requirementId(), r.regionCode(), r.periodStart(), r.periodEnd(),
                    r.dueDate(), r.description(), r.status(), r.owner(), r.expected(), r.actual(), List.of(step), 1));
        }
        store.addSteps(steps);
        audit.recordAll(Action.CREATE, RectificationWrites.ENTITY,
                opened.stream().map(r -> new AuditTrail.Event(r.id(), r.regionCode(), null, r)).toList());
        notices.send(RectificationEvent.OPENED, opened, now);
        return opened.size();
    }

    /** Sends rectification.overdue once for each open rectification of {@code scope} past its due date on {@code asOf}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int overdue(LocalDate asOf, String scope, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        List<Rectification> claimed = store.claimOverdue(scope, asOf, UUID.randomUUID().toString());
        if (claimed.isEmpty()) {
            return 0;
        }
        notices.send(RectificationEvent.OVERDUE, claimed, now);
        audit.record(Action.RUN, "rectification-overdue", null, scope, null, new OverdueRun(asOf, claimed.size()));
        return claimed.size();
    }

    /** 城东区 2025-01-01至2025-12-31 未落实「…」（应为 2，实为 0），请于 2026-04-15 前整改. */
    private static String description(OpenItem i, LocalDate due) {
        String text = (i.regionName() == null ? i.regionCode() : i.regionName()) + " " + i.periodStart()
                + (i.periodEnd() == null ? "" : "至" + i.periodEnd()) + " 未落实「"
                + (i.requirementTitle() == null ? i.requirementId() : i.requirementTitle()) + "」"
                + (i.expected() == null ? "" : "（应为 " + i.expected() + "，实为 " + i.actual() + "）")
                + "，请于 " + due + " 前整改";
        return text.length() <= DESCRIPTION_LENGTH ? text : text.substring(0, DESCRIPTION_LENGTH);
    }
}
