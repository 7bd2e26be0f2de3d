package luoshi.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import luoshi.api.compliance.AnswerVersionFeed;
import luoshi.api.compliance.AnswerVersionFeed.AnswerVersions;
import luoshi.api.compliance.AnswerVersionFeed.Mark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;

/**
 * The version of this service's data: a counter row that every write advances inside its own transaction
 * ({@link AuditTrail#record} does it for every audited write; the read copy of regions when it applies changes).
 * The row lock orders the writers, so the versions are in commit order: a reader that sees version {@code v} sees
 * every write up to {@code v}, and no committed write leaves the version unchanged. An answer computed after
 * reading {@code v} is therefore current for as long as the version reads {@code v}, on every replica of the
 * service, which is what {@code luoshi.rules.engine.ComplianceAnswers} keeps answers by.
 *
 * <p>Each advance also says where the write was ({@link Reach}), in the table {@code answer_version}: the answers about a
 * region ({@link #ofSubtree}) change only with a write in its subtree, or one that reached its whole subtree from above,
 * so that a township's write leaves another county's answers (and their ETags, API.md "Conditional reads") as they
 * were (issue #29). The same multi-row statement advances the region and its ancestors.
 */
@ApplicationScoped
public class DataVersion {

    /** How far a write's effect reaches from its region. */
    public enum Reach {
        /** The region's own facts: its answers and its ancestors' change (their subtrees hold it). */
        REGION,
        /**
         * The whole subtree below the region too: a batch recorded under its caller's region, a waiver, a
         * jurisdiction's parameters, a requirement issued there.
         */
        SUBTREE,
        /** Every region's answers, whichever region the write names: a requirement (every region has an item of it). */
        COUNTRY
    }

    private static final Sql CURRENT = Sql.of("SELECT version FROM data_version WHERE id = 1");
    private static final Sql ADVANCE = Sql.of("UPDATE data_version SET version = version + 1 WHERE id = 1");
    private static final String MARK = "INSERT INTO answer_version (region_code, subtree, below, changed) VALUES";
    private static final String MARK_TAIL = "ON DUPLICATE KEY UPDATE subtree = subtree + 1, below = below + VALUES(below),"
            + " changed = VALUES(changed)";
    private static final Sql ANSWER_VERSION = Sql.of("SELECT region_code, subtree, below FROM answer_version"
            + " WHERE region_code IN (:codes)");
    private static final Sql CHANGED = Sql.of("SELECT region_code, subtree, below FROM answer_version"
            + " WHERE changed > :since");

    /** The version a write of this JVM advanced to, fired in its transaction (observed after it commits). */
    public record Advanced(long version) {
    }

    private final Database db;
    private final Event<Advanced> advanced;
    private final WrittenVersion written;

    DataVersion(Database db, Event<Advanced> advanced, WrittenVersion written) {
        this.db = db;
        this.advanced = advanced;
        this.written = written;
    }

    /** The version of the committed data now: one primary-key read. */
    public long current() {
        return db.one(CURRENT, rs -> rs.getLong(1))
                .orElseThrow(() -> new IllegalStateException("data_version has no row: the migration V0_4 did not run"));
    }

    /**
     * Advances the version in the caller's transaction (call it from the write's {@code @Transactional} method); outside
     * one, at once, on a connection of its own. A change that says no region (the region copy's pages, a test fixture's
     * SQL) may have changed any answer: the whole country's.
     */
    public void advance() {
        advance(List.of(RegionCode.COUNTRY), Reach.SUBTREE);
    }

    /** Advances the version for a write in {@code regionCode} that reaches as far as {@code reach} says. */
    public void advance(String regionCode, Reach reach) {
        advance(List.of(regionCode), reach);
    }

    /**
     * Advances the version for a write in each of {@code regionCodes} (a job's many rows, a page of the region copy):
     * the data version, then the answer versions of the regions and their ancestors, in one statement (per thousand
     * regions). A code that is not a region's (none, malformed) reaches the whole country.
     */
    public void advance(Collection<String> regionCodes, Reach reach) {
        db.update(ADVANCE);
        long version = current();   // the row is locked until the write commits: this transaction's own version
        Map<String, Integer> marks = new LinkedHashMap<>();
        for (String code : regionCodes) {
            boolean region = code != null && (RegionCode.isCountry(code) || RegionCode.levelOf(code).isPresent());
            String reached = region && reach != Reach.COUNTRY ? code : RegionCode.COUNTRY;
            marks.merge(reached, reached.equals(code) && reach == Reach.REGION ? 0 : 1, Math::max);
            RegionCode.ancestors(reached).forEach(a -> marks.putIfAbsent(a, 0));
        }
        // in code order, so that two writers lock the rows in the same order (no deadlock between them)
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(marks.entrySet());
        rows.sort(Map.Entry.comparingByKey());
        db.insertAll(MARK, MARK_TAIL, rows, e -> List.of(e.getKey(), 1, e.getValue(), version));
        WrittenVersion.raise(written, version);
        advanced.fire(new Advanced(version));
    }

    /**
     * The version of the answers about {@code regionCode} (its items, its subtree's rollup and follow-up list): what
     * every write in its subtree, or reaching it from above, has advanced; one read of at most six primary keys. Read it
     * before the answer is computed, so that an answer is never older than its version (it may be newer: a write that
     * commits in between). {@code "0.0"} for a province before any write.
     */
    public String ofSubtree(String regionCode) {
        List<String> codes = new ArrayList<>(RegionCode.ancestors(regionCode));
        codes.add(0, regionCode);
        Map<String, Mark> read = new LinkedHashMap<>();
        db.list(ANSWER_VERSION.bind("codes", codes), DataVersion::mark).forEach(m -> read.put(m.regionCode(), m));
        return AnswerVersionFeed.version(regionCode, read::get);
    }

    /**
     * The counters changed after {@code since}, and the data version they are current at: both read in the caller's
     * transaction (one snapshot: every write up to that version, and none after it, is in the marks).
     */
    public AnswerVersions changesSince(long since) {
        List<Mark> marks = db.list(CHANGED.bind("since", since), DataVersion::mark);
        return new AnswerVersions(current(), marks);
    }

    private static Mark mark(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Mark(rs.getString(1), rs.getLong(2), rs.getLong(3));
    }
}
