package luoshi.review.rest;

import java.time.LocalDate;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.region.RegionCode;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderRun;
import luoshi.api.review.ReminderStage;
import luoshi.api.review.RemindersApi;
import luoshi.review.service.ReminderJob;
import luoshi.review.service.Reminders;

/** Reminders: an admin runs the job for its subtree, a viewer reads them there; the rights are checked in the services. */
public class RemindersResource implements RemindersApi {

    private final ReminderJob job;
    private final Reminders reminders;

    RemindersResource(ReminderJob job, Reminders reminders) {
        this.job = job;
        this.reminders = reminders;
    }

    @Override
    public ReminderRun run(LocalDate asOf, RegionCode regionCode) {
        return job.runAsked(asOf, RegionCode.text(regionCode));
    }

    @Override
    public Page<Reminder> list(RegionCode regionCode, String requirementId, ReminderStage stage, Integer year,
            ComplianceStatus status, int page, int size) {
        return reminders.list(RegionCode.text(regionCode), requirementId, stage, year, status, page, size);
    }
}
