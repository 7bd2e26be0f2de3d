package luoshi.review.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.ItemOwner;
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

    /**
     * A run for the open items of {@code scope}'s subtree; the owners are still read in bulk. The owners are asked at
     * once, and each owner's rectifications are opened as soon as its items are read, in a transaction of their own on
     * a thread of the run: while the other owners still evaluate the country, and while the reminders are written (a
     * national run opens tens of thousands, #26: their statements run beside the reminders' on another connection, and
     * the audit trail's version row orders the commits). Each opening is exactly once by itself (the unique key of the
     * open item), so the order between owners does not matter.
     */
    public ReminderRun run(LocalDate asOf, String scope) {
        ReminderStages stages = new ReminderStages(config.leadDays(), config.overdueWindowDays());
        long start = System.nanoTime();
        Instant now = clock.instant();
        List<OpenItemSource> owners = sources.current();
        // the owners evaluate the whole country each: asked at once, the run waits for the slowest, not for the sum;
        // and a thread per owner for its openings
        ExecutorService pool = Executors.newFixedThreadPool(2 * owners.size());
        InRequest inRequest = InRequest.current();
        try {
            CompletionService<Read> reads = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < owners.size(); i++) {
                OpenItemSource source = owners.get(i);
                int owner = i;
                reads.submit(() -> {
                    try {
                        return new Read(owner, shared(source.openItems(asOf, stages.earliestDue(asOf),
                                stages.latestDue(asOf))), null, ms(System.nanoTime() - start));
                    } catch (RuntimeException e) {
                        return new Read(owner, List.of(), e, ms(System.nanoTime() - start));
                    }
                });
            }
            List<List<ReminderWriter.Candidate>> candidatesOf = new ArrayList<>(Collections.nCopies(owners.size(), List.of()));
            boolean[] failed = new boolean[owners.size()];
            long[] readMs = new long[owners.size()];
            List<Future<Integer>> openings = new ArrayList<>();
            int nonCompliantCount = 0;
            for (int n = 0; n < owners.size(); n++) {
                Read read = result(reads.take());
                readMs[read.owner()] = read.ms();
                if (read.failure() != null) {
                    // the owner's reminders come with the next run; the others go out now
                    LOG.warnf("The open items of %s could not be read: %s", owners.get(read.owner()).name(),
                            read.failure().getMessage());
                    failed[read.owner()] = true;
                    continue;
                }
                List<ReminderWriter.Candidate> candidates = new ArrayList<>();
                List<OpenItem> nonCompliant = new ArrayList<>();
                for (OpenItem item : read.items()) {
                    if (RegionCode.contains(scope, item.regionCode())) {
                        stages.reached(item.dueDate(), asOf).ifPresent(s -> candidates.add(new ReminderWriter.Candidate(item, s)));
                        if (item.status() == ComplianceStatus.NON_COMPLIANT) {
                            nonCompliant.add(item);
                        }
                    }
                }
                candidatesOf.set(read.owner(), candidates);
                nonCompliantCount += nonCompliant.size();
                // API.md, "Rectification": the job opens a rectification for each item that became NON_COMPLIANT
                if (!nonCompliant.isEmpty()) {
                    openings.add(pool.submit(() -> inRequest.call(() -> rectifications.open(nonCompliant, asOf, scope, now))));
                }
            }
            List<ReminderWriter.Candidate> candidates = new ArrayList<>();
            List<String> incomplete = new ArrayList<>();
            for (int i = 0; i < owners.size(); i++) {
                candidates.addAll(candidatesOf.get(i));
                if (failed[i]) {
                    incomplete.add(owners.get(i).name());
                }
            }
            candidatesOf.clear();
            long allRead = System.nanoTime();
            int created = writer.write(candidates, asOf, scope, now);
            long written = System.nanoTime();
            int opened = 0;
            for (Future<Integer> o : openings) {
                opened += result(o);
            }
            long openedAt = System.nanoTime();
            // API.md, "Rectification": and tells of each open one past its due date, once
            int overdue = rectifications.overdue(asOf, scope, now);
            long end = System.nanoTime();
            // the stages of a run, once per run: what a national run (benchmarks/, #26) spends its time on
            LOG.infof("Reminder run of %s on %s in %d ms: the owners read after %s ms (%d candidates, %d NON_COMPLIANT);"
                    + " %d reminders written in %d ms after the last; %d rectifications opened, the last %d ms after the"
                    + " reminders; %d overdue in %d ms", scope, asOf, ms(end - start), Arrays.toString(readMs),
                    candidates.size(), nonCompliantCount, created, ms(written - allRead), opened, ms(openedAt - written),
                    overdue, ms(end - openedAt));
            return new ReminderRun(created, incomplete, opened, overdue);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the reminder run was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The request context of a run an admin asked for, carried to the run's threads: the audit events of the openings
     * name the admin and the request (AuditTrail reads them there), as when the run wrote on the request's thread. A
     * scheduled run has none.
     */
    private record InRequest(ManagedContext context, InjectableContext.ContextState state) {

        static InRequest current() {
            ManagedContext context = Arc.container().requestContext();
            return new InRequest(context, context.isActive() ? context.getState() : null);
        }

        <T> T call(Callable<T> work) throws Exception {
            if (state == null) {
                return work.call();
            }
            context.activate(state);
            try {
                return work.call();
            } finally {
                context.deactivate();   // the state stays the request's: it ends with the request
            }
        }
    }

    /**
     * The items with their repeated values shared: each item read from an owner's JSON has strings and dates of its
     * own, though a national run's tens of thousands repeat a few requirements, titles, dates and verdicts, and each
     * region for each of its requirements. A run holds its items until the last write, and with them copied it held
     * the heap of 128 MiB nearly full and spent seconds in full collections (JFR, #26).
     */
    static List<OpenItem> shared(List<OpenItem> items) {
        Map<Object, Object> seen = new HashMap<>();
        List<OpenItem> out = new ArrayList<>(items.size());
        for (OpenItem i : items) {
            ItemOwner owner = i.owner() == null ? null : one(seen, new ItemOwner(one(seen, i.owner().unit()),
                    one(seen, i.owner().contact()), one(seen, i.owner().regionCode())));
            out.add(new OpenItem(one(seen, i.requirementId()), one(seen, i.requirementTitle()), one(seen, i.regionCode()),
                    one(seen, i.regionName()), one(seen, i.periodStart()), one(seen, i.periodEnd()), one(seen, i.dueDate()),
                    i.status(), owner, one(seen, i.expected()), one(seen, i.actual())));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T one(Map<Object, Object> seen, T value) {
        return value == null ? null : (T) seen.computeIfAbsent(value, v -> v);
    }

    /** An owner's open items (none when it failed), read after {@code ms} of the run. */
    private record Read(int owner, List<OpenItem> items, RuntimeException failure, long ms) {
    }

    /** The value of a task of the run, its failure thrown as it was. */
    private static <T> T result(Future<T> task) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
