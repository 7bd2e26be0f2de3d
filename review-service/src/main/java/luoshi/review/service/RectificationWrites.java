package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.review.NewRectification;
import luoshi.api.review.Rectification;
import luoshi.api.review.RectificationEvent;
import luoshi.api.review.RectificationStatus;
import luoshi.api.review.RectificationStep;
import luoshi.audit.AuditTrail;
import luoshi.audit.AuditTrail.Action;
import luoshi.db.DatabaseException;
import luoshi.db.RetriedOnConflict;
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;
import luoshi.review.store.RectificationStore;
import luoshi.security.Access;

/**
 * The writes of rectifications, each one transaction with its audit event, its history step and its webhook event
 * (API.md, "Rectification"; CONTRIBUTING, "Versions"): a transition reads the row with its lock, authorises it in the
 * rectification's region, checks {@code If-Match} (412), checks the status it leaves (409), writes with a version
 * check, and answers and audits the row read back. The engine's verdict is asked before ({@link Rectifications}):
 * never an HTTP call inside a transaction that may run again.
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class RectificationWrites {

    static final String ENTITY = "rectification";

    private final RectificationStore store;
    private final RectificationNotices notices;
    private final AuditTrail audit;
    private final Preconditions preconditions;
    private final Access access;
    private final KnownRegions regions;
    private final Clock clock;

    RectificationWrites(RectificationStore store, RectificationNotices notices, AuditTrail audit,
            Preconditions preconditions, Access access, KnownRegions regions, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.audit = audit;
        this.preconditions = preconditions;
        this.access = access;
        this.regions = regions;
        this.clock = clock;
    }

    /** Opens a rectification of {@code item} by hand: one open rectification per item (409 naming the open one). */
    public Rectification create(NewRectification n, LocalDate due, ComplianceItem item) {
        regions.writeAbove(n.regionCode());
        Instant now = now();
        openOne(n.requirementId(), n.regionCode(), n.periodStart()).ifPresent(open -> {
            throw alreadyOpen(open);
        });
        Rectification r = new Rectification(UUID.randomUUID().toString(), n.requirementId(), n.regionCode(),
                n.periodStart(), item.periodEnd(), due, n.description(), RectificationStatus.OPEN, item.owner(),
                item.expected(), item.actual(), List.of(), 1);
        try {
            store.insert(r, now);
        } catch (DatabaseException e) {
            if (!e.duplicateKey()) {
                throw e;
            }
            throw openOne(n.requirementId(), n.regionCode(), n.periodStart()).map(RectificationWrites::alreadyOpen)
                    .orElseThrow(() -> e);
        }
        store.addSteps(List.of(new RectificationStore.NewStep(r.id(), 1, new RectificationStep(RectificationStatus.OPEN,
                access.subject(), now, null, null, item.status()))));
        Rectification stored = store.find(r.id()).orElseThrow();
        audit.record(Action.CREATE, ENTITY, r.id(), r.regionCode(), null, stored);
        notices.send(RectificationEvent.OPENED, List.of(stored), now);
        return stored;
    }

    /** OPEN or REJECTED → SUBMITTED, by an operator of the region. */
    public Rectification submit(String id, String note, String documentRef, ComplianceStatus itemStatus) {
        return transition(id, Set.of(RectificationStatus.OPEN, RectificationStatus.REJECTED), RectificationStatus.SUBMITTED,
                access::write, note, documentRef, itemStatus, null);
    }

    /** SUBMITTED → VERIFIED, by an admin strictly above, when the engine judges {@code item} COMPLIANT or waived. */
    public Rectification verify(String id, String note, ComplianceItem item) {
        return transition(id, Set.of(RectificationStatus.SUBMITTED), RectificationStatus.VERIFIED, access::administerAbove,
                note, null, item.status(), item);
    }

    /** SUBMITTED → REJECTED, by an admin strictly above: back to the region. */
    public Rectification reject(String id, String note, ComplianceStatus itemStatus) {
        return transition(id, Set.of(RectificationStatus.SUBMITTED), RectificationStatus.REJECTED, access::administerAbove,
                note, null, itemStatus, null);
    }

    private Rectification transition(String id, Set<RectificationStatus> from, RectificationStatus to,
            Consumer<String> authorise, String note, String documentRef, ComplianceStatus itemStatus,
            ComplianceItem verifiedBy) {
        Rectification before = store.lock(id).orElseThrow(() -> Rectifications.notFound(id));
        authorise.accept(before.regionCode());
        preconditions.check(ENTITY + " " + id, before);
        if (!from.contains(before.status())) {
            throw ProblemException.conflict("The rectification " + id + " is " + before.status() + ": only one that is "
                    + String.join(" or ", from.stream().map(Enum::name).sorted().toList()) + " may become " + to + ".");
        }
        if (verifiedBy != null && verifiedBy.status() != ComplianceStatus.COMPLIANT && verifiedBy.waiver() == null) {
            throw ProblemException.conflict("The item " + before.requirementId() + " of " + before.regionCode()
                    + " (period from " + before.periodStart() + ") is " + verifiedBy.status() + " now"
                    + (verifiedBy.expected() == null ? "" : " (expected " + verifiedBy.expected() + ", actual "
                            + verifiedBy.actual() + ")")
                    + ": a rectification is verified only when the facts make its item COMPLIANT, or it is waived.");
        }
        Instant now = now();
        store.transition(id, before.version(), to);
        store.addSteps(List.of(new RectificationStore.NewStep(id, before.history().size() + 1,
                new RectificationStep(to, access.subject(), now, note, documentRef, itemStatus))));
        Rectification after = store.find(id).orElseThrow();
        audit.record(Action.UPDATE, ENTITY, id, after.regionCode(), before, after);
        if (to == RectificationStatus.VERIFIED) {
            notices.send(RectificationEvent.VERIFIED, List.of(after), now);
        }
        return after;
    }

    private Optional<Rectification> openOne(String requirementId, String regionCode, LocalDate periodStart) {
        return store.openOf(new RectificationStore.Item(requirementId, regionCode, periodStart));
    }

    private static ProblemException alreadyOpen(Rectification open) {
        return ProblemException.conflict("The item " + open.requirementId() + " of " + open.regionCode() + " (period from "
                + open.periodStart() + ") has an open rectification already: " + open.id() + " (" + open.status()
                + "). One open rectification per item.");
    }

    /** Now, to the millisecond the database keeps: what is answered is what a later read gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
