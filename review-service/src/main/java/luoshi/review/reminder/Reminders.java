package luoshi.review.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import luoshi.api.common.Page;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderStage;
import luoshi.review.committee.Filters;

/** The reminders as stored, by region subtree (code LIKE prefix%; the country: all), requirement and stage. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Reminders {

    public Page<Reminder> list(String scope, String requirementId, ReminderStage stage, int page, int size) {
        return new Filters().inSubtree(scope)
                .with("requirementId = :requirement", "requirement", requirementId)
                .with("stage = :stage", "stage", stage)
                .page(ReminderEntity.class, "createdAt desc, regionCode, requirementId, id", page, size,
                        ReminderEntity::toDto);
    }
}
