package luoshi.review.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.OpenItem;
import luoshi.api.region.RegionCode;
import luoshi.api.review.ReminderRun;
import luoshi.platform.Clocks;
import luoshi.review.config.ReminderConfig;
import luoshi.security.Access;
import org.jboss.logging.Logger;

/**
 * The reminder job (REQUIREMENTS.md, Reminders): reads the open items of every owner in bulk,
 * keeps those that reached a stage on the run's date, and stores each (requirement, region, period,
 * stage) once; a run for a region (an admin's) keeps the items of that region's subtree. Safe on N replicas, on one
 * server or on several Galera nodes: reading is side-effect free, and the reminder table's unique key lets a reminder
 * exist once ({@link ReminderWriter}; issue #18). The same run opens a rectification for each NON_COMPLIANT item read
 * that has none open, and sends rectification.overdue for each open one past its due date ({@link RectificationOpenings};
 * API.md, "Rectification"), once each in the same way.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    private final OpenItemSources sources;
    private final ReminderWriter writer;
    private final RectificationOpenings rectifications;
    private final ReminderConfig config;
    private final Clock clock;
    private final Access access;

    ReminderJob(OpenItemSources sources, ReminderWriter writer, RectificationOpenings rectifications, ReminderConfig config,
            Clock clock, Access access) {
        this.sources = sources;
        this.writer = writer;
        this.rectifications = rectifications;
        this.config = config;
        this.clock = clock;
        this.access = access;
    }

    @Scheduled(identity = "reminder-job", cron = "${luoshi.reminders.cron:0 0 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        ReminderRun run = run(LocalDate.now(clock));
        LOG.infof("Reminder run: %d created, %d rectifications opened, %d overdue, incomplete %s", run.created(),
                run.rectificationsOpened(), run.rectificationsOverdue(), run.incomplete());
    }

    /**
     * A run an admin asked for (API.md, Security): for {@code regionCode}'s subtree, which must be the admin's own region or
     * below, or else for the admin's own subtree; on {@code asOf}, or today.
     */
    public ReminderRun runAsked(LocalDate asOf, String regionCode) {
        String scope = access.administerScope(regionCode);
        return run(Clocks.asOfOrToday(asOf, clock), scope);
    }

    /** A run over the whole country, as the schedule runs it. */
    public ReminderRun run(LocalDate asOf) {
        return run(asOf, RegionCode.COUNTRY);
    }

    /** A run for the open items of {@code scope}'s subtree; the owners are still read in bulk. */
    public ReminderRun run(LocalDate asOf, String scope) {
        ReminderStages stages = new ReminderStages(config.leadDays(), config.overdueWindowDays());
        List<OpenItemSource> owners = sources.current();
        // the owners evaluate the whole country each: asked at once, the run waits for the slowest, not for the sum
        ExecutorService pool = Executors.newFixedThreadPool(owners.size());
        try {
            List<Future<List<OpenItem>>> reads = new ArrayList<>();
            for (OpenItemSource source : owners) {
                reads.add(pool.submit(() -> source.openItems(asOf, stages.earliestDue(asOf), stages.latestDue(asOf))));
            }
            List<ReminderWriter.Candidate> candidates = new ArrayList<>();
            List<OpenItem> nonCompliant = new ArrayList<>();
            List<String> incomplete = new ArrayList<>();
            for (int i = 0; i < owners.size(); i++) {
                List<OpenItem> items;
                try {
                    items = reads.get(i).get();
                } catch (ExecutionException e) {
                    // the owner's reminders come with the next run; the others go out now
                    LOG.warnf("The open items of %s could not be read: %s", owners.get(i).name(), e.getCause().getMessage());
                    incomplete.add(owners.get(i).name());
                    continue;
                }
                for (OpenItem item : items) {
                    if (RegionCode.contains(scope, item.regionCode())) {
                        stages.reached(item.dueDate(), asOf).ifPresent(s -> candidates.add(new ReminderWriter.Candidate(item, s)));
                        if (item.status() == ComplianceStatus.NON_COMPLIANT) {
                            nonCompliant.add(item);
                        }
                    }
                }
            }
            Instant now = clock.instant();
            int created = writer.write(candidates, asOf, scope, now);
            // API.md, "Rectification": the job opens a rectification for each item that became NON_COMPLIANT, and
            // tells of each open one past its due date, once
            int opened = rectifications.open(nonCompliant, asOf, scope, now);
            int overdue = rectifications.overdue(asOf, scope, now);
            return new ReminderRun(created, incomplete, opened, overdue);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the reminder run was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
