package luoshi.review.rest;

import luoshi.api.region.RegionCode;
import java.time.Clock;
import java.time.LocalDate;
import luoshi.platform.Clocks;
import luoshi.api.common.Page;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderRun;
import luoshi.api.review.ReminderStage;
import luoshi.api.review.RemindersApi;
import luoshi.review.service.ReminderJob;
import luoshi.review.service.Reminders;
import luoshi.security.Access;

/**
 * An admin runs the job for its subtree (the caller's region unless it names one inside it); a viewer
 * reads the reminders of its subtree (API.md, Security).
 */
public class RemindersResource implements RemindersApi {

    private final ReminderJob job;
    private final Reminders reminders;
    private final Access access;
    private final Clock clock;

    RemindersResource(ReminderJob job, Reminders reminders, Access access, Clock clock) {
        this.job = job;
        this.reminders = reminders;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public ReminderRun run(LocalDate asOf, RegionCode regionCode) {
        String scope = access.administerScope(RegionCode.text(regionCode));
        return job.run(Clocks.asOfOrToday(asOf, clock), scope);
    }

    @Override
    public Page<Reminder> list(RegionCode regionCode, String requirementId, ReminderStage stage, int page, int size) {
        return reminders.list(access.readScope(RegionCode.text(regionCode)), requirementId, stage, page, size);
    }
}
