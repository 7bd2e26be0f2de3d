package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceStatus;
import java.util.List;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderStage;
import luoshi.review.store.ReminderStore;
import luoshi.security.Access;

/**
 * The reminders as stored, by region subtree (code LIKE prefix%; the country: all), requirement and stage: of the region
 * asked for, which the caller must be able to read, else of the caller's own subtree.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Reminders {

    private final ReminderStore store;
    private final Access access;

    Reminders(ReminderStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    /**
     * The reminders of the subtree, filtered (API.md, "Reminders and webhooks"); {@code status} is the item's when the
     * reminder was sent: PENDING for an UPCOMING one, NON_COMPLIANT for an OVERDUE one, so another status has none.
     */
    public Page<Reminder> list(String regionCode, String requirementId, ReminderStage stage, Integer year,
            ComplianceStatus status, int page, int size) {
        String scope = access.readScope(regionCode);
        if (status != null) {
            ReminderStage sentFor = status == ComplianceStatus.PENDING ? ReminderStage.UPCOMING
                    : status == ComplianceStatus.NON_COMPLIANT ? ReminderStage.OVERDUE : null;
            if (sentFor == null || stage != null && stage != sentFor) {
                return new Page<>(List.of(), page, size, 0);
            }
            stage = sentFor;
        }
        return store.page(scope, requirementId, stage, year, page, size);
    }
}
