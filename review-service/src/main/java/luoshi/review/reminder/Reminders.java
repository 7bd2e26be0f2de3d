package luoshi.review.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderStage;
import luoshi.review.committee.Filters;

/** The reminders as stored, by region subtree (code LIKE prefix%), requirement and stage. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Reminders {

    public Page<Reminder> list(String regionCode, String requirementId, ReminderStage stage, int page, int size) {
        String pattern = regionCode == null || RegionCode.isCountry(regionCode) ? null : RegionCode.subtreePattern(regionCode);
        return new Filters().with("regionCode like :pattern", "pattern", pattern)
                .with("requirementId = :requirement", "requirement", requirementId)
                .with("stage = :stage", "stage", stage)
                .page(ReminderEntity.class, "createdAt desc, regionCode, requirementId, id", page, size,
                        ReminderEntity::toDto);
    }
}
