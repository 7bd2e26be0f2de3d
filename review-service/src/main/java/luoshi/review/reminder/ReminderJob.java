package luoshi.review.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.compliance.OpenItem;
import luoshi.api.region.RegionCode;
import luoshi.api.review.ReminderRun;
import org.jboss.logging.Logger;

/**
 * The reminder job (REQUIREMENTS.md, Reminders): reads the open items of every owner in bulk,
 * keeps those that reached a stage on the run's date, and stores each (requirement, region, period,
 * stage) once; a run for a region (an admin's) keeps the items of that region's subtree. Safe on N replicas: reading is side-effect free, writing happens under the job's
 * lock row and the reminder table's unique key.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    @Inject
    OpenItemSources sources;

    @Inject
    ReminderWriter writer;

    @Inject
    ReminderConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "reminder-job", cron = "${luoshi.reminders.cron:0 0 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        ReminderRun run = run(LocalDate.now(clock));
        LOG.infof("Reminder run: %d created, incomplete %s", run.created(), run.incomplete());
    }

    /** A run over the whole country, as the schedule runs it. */
    public ReminderRun run(LocalDate asOf) {
        return run(asOf, RegionCode.COUNTRY);
    }

    /** A run for the open items of {@code scope}'s subtree; the owners are still read in bulk. */
    public ReminderRun run(LocalDate asOf, String scope) {
        ReminderStages stages = new ReminderStages(config.leadDays(), config.overdueWindowDays());
        List<ReminderWriter.Candidate> candidates = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (OpenItemSource source : sources.all()) {
            List<OpenItem> items;
            try {
                items = source.openItems(asOf, stages.earliestDue(asOf), stages.latestDue(asOf));
            } catch (RuntimeException e) {
                // the owner's reminders come with the next run; the others go out now
                LOG.warnf("The open items of %s could not be read: %s", source.name(), e.getMessage());
                incomplete.add(source.name());
                continue;
            }
            for (OpenItem item : items) {
                if (!RegionCode.contains(scope, item.regionCode())) {
                    continue;
                }
                stages.reached(item.dueDate(), asOf).ifPresent(s -> candidates.add(new ReminderWriter.Candidate(item, s)));
            }
        }
        return new ReminderRun(writer.write(candidates, asOf, scope, clock.instant()), incomplete);
    }
}
