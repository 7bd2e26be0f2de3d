package luoshi.review.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.ServiceRollup.ChildCounts;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.compliance.Weights;
import luoshi.api.evaluation.Evaluation;
import luoshi.api.evaluation.SnapshotRun;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;
import luoshi.platform.Clocks;
import luoshi.review.config.SnapshotConfig;
import luoshi.review.store.SnapshotStore;
import luoshi.review.store.SnapshotStore.Snapshot;
import org.jboss.logging.Logger;

/**
 * The daily snapshot job (API.md, "Evaluation and trends"): for the date's year, as of the date, it keeps each region's
 * rollup of its subtree (the counts of the three owners' items, the compliance rate) and its evaluation (the score and
 * the dimension scores, {@link Weights.Sum#score()}: the formula the gateway's evaluation uses), for every region down
 * to county level and every region whose trend was asked for.
 * <p>
 * It walks the copy of the regions a page at a time: the country, each province and each city is a root whose rollup
 * (one call per owner, the owners asked at once, as the reminder job reads them: {@link OpenItemSources}) gives its own
 * snapshot and its counties'; the regions asked for below county level are each one rollup. Each root's snapshots are
 * written in a transaction of their own ({@link SnapshotWriter}), so the job holds one root's rollups at a time. Safe on
 * N replicas and Galera nodes: reading is side-effect free, and the snapshot's key lets it exist once. A root already
 * snapshotted that day is not asked again (its counties were written with it); a root an owner did not answer for is
 * not written, and the next run of the same day takes it.
 */
@ApplicationScoped
public class SnapshotJob {

    private static final Logger LOG = Logger.getLogger(SnapshotJob.class);
    /** The regions whose rollup is a root of the walk: their children down to county level are snapshotted with them. */
    private static final List<String> ROOT_LEVELS = List.of(RegionLevel.PROVINCE.name(), RegionLevel.CITY.name());

    private final OpenItemSources sources;
    private final SnapshotWriter writer;
    private final SnapshotStore store;
    private final SnapshotConfig config;
    private final Clock clock;
    private final KnownRegions known;

    SnapshotJob(OpenItemSources sources, SnapshotWriter writer, SnapshotStore store, SnapshotConfig config, Clock clock,
            KnownRegions known) {
        this.sources = sources;
        this.writer = writer;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.known = known;
    }

    @Scheduled(identity = "snapshot-job", cron = "${luoshi.snapshots.cron:0 30 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        SnapshotRun run = run(LocalDate.now(clock));
        LOG.infof("Snapshot run: %d taken, incomplete %s", run.taken(), run.incomplete());
    }

    /**
     * A run an admin asked for: for {@code regionCode}'s subtree, which must be the admin's own region or below and exist, or
     * else for the admin's own subtree; on {@code asOf}, or today.
     */
    public SnapshotRun runAsked(LocalDate asOf, String regionCode) {
        String scope = known.administerScope(regionCode);
        return run(Clocks.asOfOrToday(asOf, clock), scope);
    }

    /** A run over the whole country, as the schedule runs it: today's on the injected clock. */
    public SnapshotRun run() {
        return run(LocalDate.now(clock));
    }

    /** A run over the whole country for {@code day}. */
    public SnapshotRun run(LocalDate day) {
        return run(day, RegionCode.COUNTRY);
    }

    /** A run for {@code scope}'s subtree on {@code day}: the scope, its provinces, cities and counties, and those asked for. */
    public SnapshotRun run(LocalDate day, String scope) {
        Set<String> incomplete = new TreeSet<>();
        int taken = 0;
        ExecutorService pool = Executors.newFixedThreadPool(sources.current().size());
        try {
            taken += take(scope, day, pool, incomplete);
            int size = config.pageSize();
            for (String after = ""; ; ) {
                List<String> roots = store.regions(scope, ROOT_LEVELS, after, size);
                for (String root : roots) {
                    if (!root.equals(scope)) {
                        taken += take(root, day, pool, incomplete);
                    }
                }
                if (roots.size() < size) {
                    break;
                }
                after = roots.get(roots.size() - 1);
            }
            for (String after = ""; ; ) {
                List<String> asked = store.asked(scope, after, size);
                for (String region : asked) {
                    if (!region.equals(scope)) {
                        taken += take(region, day, pool, incomplete);
                    }
                }
                if (asked.size() < size) {
                    break;
                }
                after = asked.get(asked.size() - 1);
            }
        } finally {
            pool.shutdownNow();
        }
        writer.record(day, scope, taken);
        return new SnapshotRun(taken, List.copyOf(incomplete));
    }

    /**
     * A trend asked for a region never snapshotted in {@code day}'s year (API.md, "Evaluation and trends"): its snapshot
     * now, kept, and a region below county level kept for the daily job from then on. Answers the owners that did not
     * answer (then nothing is kept, and the next call tries again).
     */
    public List<String> takeNow(String regionCode, LocalDate day) {
        Set<String> incomplete = new TreeSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(sources.current().size());
        try {
            take(regionCode, day, pool, incomplete);
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(incomplete);
    }

    /**
     * Snapshots {@code region} on {@code day} from the owners' rollups of its subtree, with its counties when it is a
     * city (a root); answers how many were stored (none when the region was
     * snapshotted that day already, or an owner did not answer: named in {@code incomplete}).
     */
    private int take(String region, LocalDate day, ExecutorService pool, Set<String> incomplete) {
        int year = day.getYear();
        if (store.taken(region, year, day)) {
            return 0;
        }
        List<OpenItemSource> owners = sources.all();
        List<Future<ServiceRollup>> reads = new ArrayList<>();
        for (OpenItemSource owner : owners) {
            reads.add(pool.submit(() -> owner.rollup(region, year, day)));
        }
        List<ServiceRollup> parts = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < owners.size(); i++) {
            try {
                parts.add(reads.get(i).get());
            } catch (ExecutionException e) {
                LOG.warnf("The rollup of %s by %s could not be read: %s", region, owners.get(i).name(), e.getCause().getMessage());
                incomplete.add(owners.get(i).name());
                complete = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the snapshot run was interrupted", e);
            }
        }
        if (!complete) {
            return 0;
        }
        List<Snapshot> snapshots = new ArrayList<>();
        snapshots.add(snapshot(ServiceRollup.total(region, parts), year, day));
        if (isRoot(region)) {
            ServiceRollup.childrenAdded(parts).values().stream()
                    // a city's counties; a province's cities and the country's provinces are roots of their own
                    .filter(child -> RegionCode.levelOf(child.regionCode()).filter(l -> l == RegionLevel.COUNTY).isPresent())
                    .forEach(child -> snapshots.add(snapshot(child, year, day)));
        }
        // a township or village, once snapshotted (asked for, or a run of its own subtree), is snapshotted daily from then on
        boolean belowCounties = RegionCode.levelOf(region).map(l -> l == RegionLevel.TOWNSHIP || l == RegionLevel.VILLAGE)
                .orElse(false);
        return writer.write(snapshots, clock.instant(), belowCounties ? region : null, day);
    }

    private static boolean isRoot(String region) {
        return RegionCode.isCountry(region) || RegionCode.levelOf(region).map(l -> ROOT_LEVELS.contains(l.name())).orElse(false);
    }

    /** A subtree's counts and weights as a snapshot: the rollup's rate, the evaluation's scores. */
    private static Snapshot snapshot(ChildCounts subtree, int year, LocalDate day) {
        StatusCounts counts = subtree.counts() == null ? StatusCounts.ZERO : subtree.counts();
        Weights weights = subtree.weights() == null ? Weights.ZERO : subtree.weights();
        return new Snapshot(subtree.regionCode(), year, day, counts, counts.complianceRate(), weights.all().score(),
                Evaluation.Dimensions.of(weights.dimensionScores()));
    }
}
