package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.review.NewRectification;
import luoshi.api.review.Rectification;
import luoshi.api.review.RectificationDecision;
import luoshi.api.review.RectificationStatus;
import luoshi.api.review.RectificationSubmission;
import luoshi.platform.ProblemException;
import luoshi.review.config.RectificationConfig;
import luoshi.review.store.RectificationStore;
import luoshi.security.Access;
import org.jboss.logging.Logger;

/**
 * Rectifications (整改; API.md, "Rectification"): opened by an operator of a region above the item (or by the reminder
 * job: {@link RectificationOpenings}), submitted by an operator of the region, verified or rejected by an admin of a
 * region strictly above it. The item's verdict is asked of the engine first, outside the write's transaction
 * ({@link ItemVerdicts}), after the caller was authorised in the rectification's region (a 404 or 403 comes before
 * any call); the write checks everything again under the row's lock ({@link RectificationWrites}).
 */
@ApplicationScoped
public class Rectifications {

    private static final Logger LOG = Logger.getLogger(Rectifications.class);

    private final RectificationWrites writes;
    private final RectificationStore store;
    private final ItemVerdicts verdicts;
    private final KnownRegions regions;
    private final Access access;
    private final RectificationConfig config;
    private final Clock clock;

    Rectifications(RectificationWrites writes, RectificationStore store, ItemVerdicts verdicts, KnownRegions regions,
            Access access, RectificationConfig config, Clock clock) {
        this.writes = writes;
        this.store = store;
        this.verdicts = verdicts;
        this.regions = regions;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens a rectification of the item named: an operator of a region strictly above its region, which exists; the
     * item must be one the engine judges (400 naming {@code periodStart} otherwise); due on {@code dueDate}, not before
     * today, or in the configured days.
     */
    public Rectification create(NewRectification n) {
        regions.writeAbove(n.regionCode());
        LocalDate today = LocalDate.now(clock);
        LocalDate due = n.dueDate() != null ? n.dueDate() : today.plusDays(config.dueDays());
        if (due.isBefore(today)) {
            throw ProblemException.badRequest("dueDate", "must be today (" + today + ") or later");
        }
        ComplianceItem item = verdicts.current(n.requirementId(), n.regionCode(), n.periodStart(), null, today)
                .orElseThrow(() -> ProblemException.badRequest("periodStart", "no item of requirement " + n.requirementId()
                        + " for region " + n.regionCode() + " has a period starting on " + n.periodStart()));
        return writes.create(n, due, item);
    }

    public Rectification get(String id) {
        Rectification r = stored(id);
        access.read(r.regionCode());
        return r;
    }

    /** The rectifications of the region's subtree (the caller's region when none is named), filtered. */
    public Page<Rectification> list(String regionCode, RectificationStatus status, String requirementId, Boolean overdue,
            Integer year, int page, int size) {
        String scope = access.readScope(regionCode);
        return store.page(new RectificationStore.Filter(scope, status, requirementId, overdue, year, LocalDate.now(clock)),
                page, size);
    }

    public Rectification submit(String id, RectificationSubmission s) {
        Rectification r = stored(id);
        access.write(r.regionCode());
        return writes.submit(id, s.note(), s.documentRef(), statusNow(r));
    }

    /** 409 naming the item's status unless the engine judges it COMPLIANT or waived now; 503 when it cannot be asked. */
    public Rectification verify(String id, RectificationDecision d) {
        Rectification r = stored(id);
        access.administerAbove(r.regionCode());
        ComplianceItem item = item(r).orElseThrow(() -> ProblemException.conflict("The item " + r.requirementId() + " of "
                + r.regionCode() + " (period from " + r.periodStart() + ") is judged by no service now: it cannot be "
                + "verified."));
        return writes.verify(id, d.note(), item);
    }

    public Rectification reject(String id, RectificationDecision d) {
        Rectification r = stored(id);
        access.administerAbove(r.regionCode());
        return writes.reject(id, d.note(), statusNow(r));
    }

    private Optional<ComplianceItem> item(Rectification r) {
        return verdicts.current(r.requirementId(), r.regionCode(), r.periodStart(), r.periodEnd(), LocalDate.now(clock));
    }

    /** The item's status for the history; null when it cannot be asked now (a submission does not wait for it). */
    private ComplianceStatus statusNow(Rectification r) {
        try {
            return item(r).map(ComplianceItem::status).orElse(null);
        } catch (ProblemException e) {
            LOG.warnf("The status of the item of rectification %s is not known: %s", r.id(), e.getMessage());
            return null;
        }
    }

    private Rectification stored(String id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("No rectification " + id + ".");
    }
}
