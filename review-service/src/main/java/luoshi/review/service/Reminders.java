package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import luoshi.api.common.Page;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderStage;
import luoshi.review.store.ReminderStore;

/** The reminders as stored, by region subtree (code LIKE prefix%; the country: all), requirement and stage. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Reminders {

    private final ReminderStore store;

    Reminders(ReminderStore store) {
        this.store = store;
    }

    public Page<Reminder> list(String scope, String requirementId, ReminderStage stage, int page, int size) {
        return store.page(scope, requirementId, stage, page, size);
    }
}
