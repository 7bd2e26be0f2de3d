package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import luoshi.api.common.Page;
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

    public Page<Reminder> list(String regionCode, String requirementId, ReminderStage stage, int page, int size) {
        return store.page(access.readScope(regionCode), requirementId, stage, page, size);
    }
}
