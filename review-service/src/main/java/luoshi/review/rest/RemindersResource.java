package luoshi.review.rest;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import luoshi.api.common.Clocks;
import luoshi.api.common.Page;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderRun;
import luoshi.api.review.ReminderStage;
import luoshi.api.review.RemindersApi;
import luoshi.review.reminder.ReminderJob;
import luoshi.review.reminder.Reminders;

public class RemindersResource implements RemindersApi {

    @Inject
    ReminderJob job;

    @Inject
    Reminders reminders;

    @Inject
    Clock clock;

    @Override
    public ReminderRun run(LocalDate asOf) {
        return job.run(Clocks.asOfOrToday(asOf, clock));
    }

    @Override
    public Page<Reminder> list(String regionCode, String requirementId, ReminderStage stage, int page, int size) {
        return reminders.list(regionCode, requirementId, stage, page, size);
    }
}
