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
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

    /** The parts a lane holds waiting, at most: an owner's thread that would add one more waits until one is written. */
    private static final int LANE_PARTS = 4;

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
     * once, each on a thread of the run, and their items are written as they arrive, a part at a time (issue #29): each
     * part's reminders on the run's reminder lane ({@link ReminderWriter}, a transaction per part), the rectifications
     * of its NON_COMPLIANT items on its openings lane ({@link RectificationOpenings}). A lane is one thread with a few
     * parts waiting at most: an owner that sends faster than the lanes write waits, so the run holds a few parts, never
     * the country's items; and the owners' reads, the reminders and the openings go on side by side. Each reminder and
     * each opening is exactly once by itself (a unique key), so neither the order between owners nor a run that stops
     * half way matters: the next run writes what is missing.
     */
    public ReminderRun run(LocalDate asOf, String scope) {
        ReminderStages stages = new ReminderStages(config.leadDays(), config.overdueWindowDays());
        long start = System.nanoTime();
        Instant now = clock.instant();
        List<OpenItemSource> owners = sources.current();
        // the owners evaluate the whole country each: asked at once, the run waits for the slowest, not for the sum
        ExecutorService pool = Executors.newFixedThreadPool(owners.size());
        ExecutorService reminderLane = lane();
        List<ExecutorService> openingLanes = new ArrayList<>();
        InRequest inRequest = InRequest.current();
        try {
            List<Future<Owner>> reads = new ArrayList<>();
            for (OpenItemSource source : owners) {
                // an opening costs several times a reminder (its steps, audit event and notice): a lane per owner
                ExecutorService openingLane = lane();
                openingLanes.add(openingLane);
                reads.add(pool.submit(() -> read(source, asOf, scope, stages, start, part -> {
                    if (!part.candidates().isEmpty()) {
                        part.owner().created.add(reminderLane.submit(() -> writer.write(part.candidates(), now)));
                    }
                    if (!part.nonCompliant().isEmpty()) {
                        part.owner().opened.add(openingLane.submit(() -> inRequest.call(
                                () -> rectifications.open(part.nonCompliant(), asOf, now))));
                    }
                })));
            }
            int created = 0;
            int opened = 0;
            long candidates = 0;
            long nonCompliant = 0;
            List<String> incomplete = new ArrayList<>();
            List<String> owned = new ArrayList<>();
            for (int i = 0; i < owners.size(); i++) {
                Owner read = result(reads.get(i));
                if (read.failure != null) {
                    // the owner's other reminders come with the next run; the others go out now
                    LOG.warnf("The open items of %s could not be read: %s", owners.get(i).name(), read.failure.getMessage());
                    incomplete.add(owners.get(i).name());
                }
                // a part that could not be written fails the run
                for (Future<Integer> part : read.created) {
                    created += result(part);
                }
                for (Future<Integer> part : read.opened) {
                    opened += result(part);
                }
                candidates += read.candidates;
                nonCompliant += read.nonCompliant;
                owned.add(owners.get(i).name() + " " + read.items + " items read in " + read.ms + " ms");
            }
            long written = System.nanoTime();
            writer.recordRun(asOf, scope, created);
            // API.md, "Rectification": and tells of each open one past its due date, once
            int overdue = rectifications.overdue(asOf, scope, now);
            long end = System.nanoTime();
            // the stages of a run, once per run: what a national run (benchmarks/, #26) spends its time on
            LOG.infof("Reminder run of %s on %s in %d ms: %s (%d candidates, %d NON_COMPLIANT); %d reminders created and"
                    + " %d rectifications opened after %d ms; %d overdue in %d ms", scope, asOf, ms(end - start), owned,
                    candidates, nonCompliant, created, opened, ms(written - start), overdue, ms(end - written));
            return new ReminderRun(created, incomplete, opened, overdue);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the reminder run was interrupted", e);
        } finally {
            pool.shutdownNow();
            reminderLane.shutdownNow();
            openingLanes.forEach(ExecutorService::shutdownNow);
        }
    }

    /** One thread that writes the parts handed to it in turn; handing one to a full lane waits. */
    private static ExecutorService lane() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(LANE_PARTS), (task, lane) -> {
            if (lane.isShutdown()) {
                throw new RejectedExecutionException("the run is over");
            }
            try {
                lane.getQueue().put(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RejectedExecutionException("the run was interrupted", e);
            }
        });
    }

    /**
     * Reads one owner's open items and hands each part on as it arrives: the items of {@code scope} that reached a stage
     * (reminders) and the NON_COMPLIANT ones (rectifications). An owner that cannot be read (or stops answering half way)
     * is the run's {@code incomplete}, the parts it handed on so far written.
     */
    private Owner read(OpenItemSource source, LocalDate asOf, String scope, ReminderStages stages, long start,
            Consumer<Part> write) {
        Owner owner = new Owner();
        try {
            owner.items = source.openItems(asOf, stages.earliestDue(asOf), stages.latestDue(asOf), items -> {
                List<ReminderWriter.Candidate> candidates = new ArrayList<>();
                List<OpenItem> nonCompliant = new ArrayList<>();
                for (OpenItem item : items) {
                    if (RegionCode.contains(scope, item.regionCode())) {
                        stages.reached(item.dueDate(), asOf).ifPresent(s -> candidates.add(new ReminderWriter.Candidate(item, s)));
                        // API.md, "Rectification": the job opens a rectification for each item that became NON_COMPLIANT
                        if (item.status() == ComplianceStatus.NON_COMPLIANT) {
                            nonCompliant.add(item);
                        }
                    }
                }
                owner.candidates += candidates.size();
                owner.nonCompliant += nonCompliant.size();
                write.accept(new Part(owner, candidates, nonCompliant));
            });
        } catch (RuntimeException e) {
            owner.failure = e;
        }
        owner.ms = ms(System.nanoTime() - start);
        return owner;
    }

    /** A part of an owner's items to write. */
    private record Part(Owner owner, List<ReminderWriter.Candidate> candidates, List<OpenItem> nonCompliant) {
    }

    /** What a run did with one owner's items: filled on the owner's thread, read by the run once the thread is done. */
    private static final class Owner {
        long items;
        long candidates;
        long nonCompliant;
        long ms;
        RuntimeException failure;
        /** The reminders each part created, and the rectifications it opened, once the lanes wrote it. */
        final List<Future<Integer>> created = new ArrayList<>();
        final List<Future<Integer>> opened = new ArrayList<>();
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
