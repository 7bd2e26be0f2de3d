package luoshi.replica;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jakarta.transaction.Transactional;
import luoshi.platform.ProblemException;
import luoshi.api.common.Violation;
import luoshi.platform.ServiceUrls;
import luoshi.api.region.RegionFeed.PopulationChange;
import luoshi.api.region.RegionFeed.RegionChange;
import luoshi.api.region.RegionFeed.RegionFeedPage;
import luoshi.api.region.RegionFeed;
import luoshi.api.region.RegionLevel;
import luoshi.audit.DataVersion;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.security.ServiceTokens;
import org.jboss.logging.Logger;

/**
 * The read copy of regions and population (ARCHITECTURE.md: a service that evaluates rules over a
 * subtree needs them locally; never one HTTP call per region). It follows org-service's change feed
 * with long polls (a thread of its own asks for the rows changed since the version it holds, and the
 * feed answers as soon as a change is committed: the copy lags by milliseconds), each page applied in
 * one transaction with multi-row upserts, and records when it last caught up. {@link #catchUp} brings
 * the copy up to a version now (a read that must see a write: {@link RegionVersionFilter}). Replicas of
 * a service may apply pages at once, and pages may arrive late: a row is only ever replaced by a later
 * version of it, and the copy's version only moves forward.
 */
@ApplicationScoped
public class RegionReplica {

    private static final Logger LOG = Logger.getLogger(RegionReplica.class);
    private static final Sql FIND = Sql.of("SELECT code, name, level, parent_code FROM region WHERE code = :code");
    private static final Sql KNOWN = Sql.of("SELECT code FROM region WHERE code IN (:codes)");
    private static final Sql STATE = Sql.of("SELECT version, synced_at FROM replica_state WHERE id = 1");
    private static final Sql MARK_SYNCED = Sql.of("UPDATE replica_state SET synced_at = :at WHERE id = 1");
    private static final Sql ADVANCE_VERSION = Sql.of("UPDATE replica_state SET version = GREATEST(version, :version) WHERE id = 1");
    private static final Sql DELETED_ROW = Sql.of("(region_code = :code AND year = :year AND version < :version)");
    private static final Sql DELETE_POPULATION = Sql.of("DELETE FROM population WHERE :rows");
    private static final String UPSERT_REGION = "ON DUPLICATE KEY UPDATE " + later("name", "level", "parent_code");
    private static final String UPSERT_POPULATION = "ON DUPLICATE KEY UPDATE " + later("total", "female", "youth");
    /** synced_at is written at most this often by the follower (staleness is measured in minutes). */
    private static final long MARK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Database db;
    private final DataVersion dataVersion;
    private final ReplicaConfig config;
    private final Clock clock;
    private final RegionFeed feed;
    private final ReentrantLock syncing = new ReentrantLock();
    private volatile boolean failing;
    /** The state last read for the warnings, and when (System.nanoTime). */
    private volatile Recent recent;
    /** The newest version this JVM knows the copy holds (committed); -1 before the first read. */
    private final AtomicLong known = new AtomicLong(-1);
    private volatile long markedAt = System.nanoTime() - MARK_EVERY_NANOS;
    private Thread follower;
    private volatile boolean following;

    private record Recent(ReplicaState state, long readAt) {
    }

    public RegionReplica(Database db, DataVersion dataVersion, ReplicaConfig config, Clock clock, ServiceUrls urls,
            ServiceTokens tokens) {
        this.db = db;
        this.dataVersion = dataVersion;
        this.config = config;
        this.clock = clock;
        this.feed = QuarkusRestClientBuilder.newBuilder()
                .baseUri(urls.org())
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(tokens.filter())
                .build(RegionFeed.class);
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled() && !"off".equalsIgnoreCase(config.pollInterval())) {
            startFollowing();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopFollowing();
    }

    /** False when the copy is written by tests with SQL: no following, no versions in the answers. */
    public boolean enabled() {
        return config.enabled();
    }

    /** Starts the follower thread (at start-up, unless disabled): long polls of the feed, one after another. */
    public synchronized void startFollowing() {
        if (follower != null) {
            return;
        }
        following = true;
        follower = new Thread(this::follow, "region-replica-follower");
        follower.setDaemon(true);
        follower.start();
    }

    /** Stops the follower: its long poll is abandoned. */
    public synchronized void stopFollowing() {
        following = false;
        if (follower != null) {
            follower.interrupt();
            try {
                follower.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            follower = null;
        }
    }

    private void follow() {
        Duration pause = parse(config.pollInterval());
        while (following) {
            try {
                followOnce(config.longPoll());
                if (failing) {
                    LOG.info("The copy of regions caught up with org-service again");
                }
                failing = false;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("Cannot follow org-service's region feed (%s); answers will say so once the copy is stale",
                            e.getMessage());
                }
                failing = true;
                try {
                    Thread.sleep(pause.toMillis());   // a pause before the next attempt (not a test)
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * One long poll: asks for the changes after the copy's version, waiting up to {@code wait} for one, and applies
     * the page that comes.
     */
    public void followOnce(Duration wait) throws InterruptedException {
        long since = version();
        RegionFeedPage page = await(feed.changes(since, config.pageSize(), wait.toMillis()));
        if (page.version() > since) {
            syncing.lock();
            try {
                if (page.version() > version()) {   // else an on-demand catch-up applied it meanwhile
                    QuarkusTransaction.requiringNew().run(() -> apply(page));
                    known.accumulateAndGet(page.version(), Math::max);
                }
            } finally {
                syncing.unlock();
            }
        }
        long now = System.nanoTime();
        if (now - markedAt >= MARK_EVERY_NANOS) {
            markSynced();
            markedAt = now;
        }
    }

    /** Pulls every change since the copy's version, until the feed has no more. Throws when the feed fails. */
    public void sync() {
        syncing.lock();
        try {
            long since = state().version();
            RegionFeedPage page;
            do {
                page = await(feed.changes(since, config.pageSize(), 0));
                RegionFeedPage p = page;
                QuarkusTransaction.requiringNew().run(() -> apply(p));
                known.accumulateAndGet(page.version(), Math::max);
                since = page.version();
            } while (page.more());
            markSynced();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while catching up with org-service's region feed", e);
        } finally {
            syncing.unlock();
        }
    }

    /**
     * The copy holds at least {@code version} when this returns (unless the feed fails, which throws): nothing to do
     * when it does already, else a catch-up with the feed now. One catch-up at a time per JVM.
     */
    public void catchUp(long version) {
        if (version() >= version || state().version() >= version) {
            return;
        }
        sync();
    }

    /**
     * The version of the feed the copy holds, as this JVM knows it: every change up to it is in the copy. Read from the
     * database once, then kept as the copy changes (another replica of the service may have applied more: a caller
     * that needs a version asks {@link #catchUp}).
     */
    public long version() {
        long v = known.get();
        return v >= 0 ? v : state().version();
    }

    /** Forgets the version kept in memory: the next {@link #version()} reads the copy's (tests that set it with SQL). */
    public void forgetVersion() {
        known.set(-1);
    }

    private void markSynced() {
        QuarkusTransaction.requiringNew().run(() -> db.update(MARK_SYNCED.bind("at", Timestamp.from(clock.instant()))));
    }

    private static <T> T await(CompletionStage<T> call) throws InterruptedException {
        try {
            return call.toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Duration parse(String interval) {
        try {
            return io.quarkus.runtime.configuration.DurationConverter.parseDuration(interval);
        } catch (RuntimeException e) {
            return Duration.ofSeconds(5);
        }
    }

    public Optional<ReplicaRegion> find(String code) {
        return db.one(FIND.bind("code", code), rs -> new ReplicaRegion(rs.getString(1), rs.getString(2),
                RegionLevel.valueOf(rs.getString(3)), rs.getString(4)));
    }

    /**
     * The region a fact names, which must exist (API.md, "Known regions only"). When the copy lacks the code, the copy
     * first catches up with org-service's feed, so that a region written a moment ago is known. An unknown code is a
     * 404 problem naming it. Call it after the caller's authorisation, so that a region outside the caller's subtree is
     * a 403 whether it exists or not.
     * <p>
     * Outside the caller's transaction: a read inside it would see the copy as of that transaction's first read
     * (InnoDB's REPEATABLE READ snapshot), so a region the copy has just caught up with (in transactions of its own)
     * would still be missing. A refusal still rolls the caller's transaction back, as it propagates through it.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ReplicaRegion requireKnown(String code) {
        Optional<ReplicaRegion> region = find(code);
        if (region.isEmpty() && config.enabled()) {
            sync();
            region = find(code);
        }
        return region.orElseThrow(() -> ProblemException.notFound("No region " + code));
    }

    /**
     * The regions a batch's rows name, which must all exist: else a 400 naming every row whose region is unknown
     * ({@code [3].regionCode}), so that nothing is stored. Catches up with the feed once if any is missing from the
     * copy; outside the caller's transaction, as {@link #requireKnown}.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> void requireKnownRows(List<T> rows, Function<T, String> regionOf) {
        Set<String> unknown = missing(rows.stream().map(regionOf).collect(Collectors.toSet()));
        if (!unknown.isEmpty() && config.enabled()) {
            sync();
            unknown = missing(unknown);
        }
        if (unknown.isEmpty()) {
            return;
        }
        Set<String> named = unknown;
        throw ProblemException.badRequest(IntStream.range(0, rows.size())
                .filter(i -> named.contains(regionOf.apply(rows.get(i))))
                .mapToObj(i -> new Violation("[" + i + "].regionCode", "no region " + regionOf.apply(rows.get(i))))
                .toList());
    }

    private Set<String> missing(Collection<String> codes) {
        Set<String> missing = new TreeSet<>(codes);
        List<String> all = List.copyOf(missing);
        for (int from = 0; from < all.size(); from += Database.CHUNK) {
            db.list(KNOWN.bind("codes", all.subList(from, Math.min(all.size(), from + Database.CHUNK))), rs -> rs.getString(1))
                    .forEach(missing::remove);
        }
        return missing;
    }

    public ReplicaState state() {
        ReplicaState s = db.one(STATE, rs -> {
            Timestamp at = rs.getTimestamp(2);
            Instant syncedAt = at == null ? null : at.toInstant();
            boolean stale = config.enabled() && (syncedAt == null
                    || Duration.between(syncedAt, clock.instant()).compareTo(config.maxStaleness()) > 0);
            return new ReplicaState(rs.getLong(1), syncedAt, stale);
        }).orElseThrow(() -> new IllegalStateException("replica_state has no row: the migration V0_2 did not run"));
        known.accumulateAndGet(s.version(), Math::max);
        return s;
    }

    /** What an answer built on the copy must say: nothing, or that the copy is stale. */
    public List<String> warnings() {
        Recent r = recent;
        long now = System.nanoTime();
        if (r == null || now - r.readAt() >= config.warningsRefresh().toNanos()) {
            r = new Recent(state(), now);
            recent = r;
        }
        ReplicaState s = r.state();
        if (!s.stale()) {
            return List.of();
        }
        return List.of(s.syncedAt() == null
                ? "The copy of regions and population has not caught up with org-service yet: verdicts may miss regions."
                : "The copy of regions and population last caught up with org-service at " + s.syncedAt()
                        + " (more than " + config.maxStaleness().toMinutes() + " min ago): verdicts may be out of date.");
    }

    private void apply(RegionFeedPage page) {
        List<RegionChange> regions = page.regions() == null ? List.of() : page.regions();
        db.insertAll("INSERT INTO region (code, name, level, parent_code, version) VALUES",
                UPSERT_REGION, regions,
                r -> Arrays.asList(r.code(), r.name(), r.level(), r.parentCode(), r.version()));
        List<PopulationChange> changes = page.population() == null ? List.of() : page.population();
        // total null: org-service deleted the row (its tombstone); the copy deletes its own
        deletePopulation(changes.stream().filter(p -> p.total() == null).toList());
        db.insertAll("INSERT INTO population (region_code, year, total, female, youth, version) VALUES",
                UPSERT_POPULATION,
                changes.stream().filter(p -> p.total() != null).toList(),
                p -> Arrays.asList(p.regionCode(), p.year(), p.total(), p.female(), p.youth(), p.version()));
        db.update(ADVANCE_VERSION.bind("version", page.version()));
        if (!regions.isEmpty() || !changes.isEmpty()) {
            // the copy changed: answers computed from it are stale (an empty page is no change), those about the
            // changed regions and their ancestors (a region's name and population count in its own answers and its
            // ancestors' rollups)
            List<String> changed = java.util.stream.Stream.concat(regions.stream().map(RegionChange::code),
                    changes.stream().map(PopulationChange::regionCode)).distinct().toList();
            if (changed.size() <= config.precisePageRegions()) {
                dataVersion.advance(changed, DataVersion.Reach.REGION);
            } else {
                dataVersion.advance();   // a bulk load: every answer may move, as one counter (ReplicaConfig)
            }
        }
    }

    /** As the upserts: a deletion applied late never undoes a later row (one statement per chunk of rows). */
    private void deletePopulation(List<PopulationChange> deleted) {
        for (int from = 0; from < deleted.size(); from += Database.CHUNK) {
            List<Sql> rows = deleted.subList(from, Math.min(deleted.size(), from + Database.CHUNK)).stream()
                    .map(p -> DELETED_ROW.bind("code", p.regionCode()).bind("year", p.year()).bind("version", p.version()))
                    .toList();
            db.update(DELETE_POPULATION.bind("rows", Sql.join(" OR ", rows)));
        }
    }

    /**
     * The assignments of an upsert that replace a row only by a later version of it (a page applied late, by another
     * replica or by the follower after a catch-up, never undoes a newer one); {@code version} last, as the columns
     * before it compare with the stored version.
     */
    private static String later(String... columns) {
        StringBuilder sql = new StringBuilder();
        for (String column : columns) {
            sql.append(column).append(" = IF(VALUES(version) > version, VALUES(").append(column).append("), ")
                    .append(column).append("), ");
        }
        return sql.append("version = GREATEST(version, VALUES(version))").toString();
    }
}
