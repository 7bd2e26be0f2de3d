package luoshi.review.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import luoshi.api.compliance.ItemRectification;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.ItemOwner;
import luoshi.api.compliance.RectificationCounts;
import luoshi.api.region.RegionCode;
import luoshi.api.review.Rectification;
import luoshi.api.review.RectificationStatus;
import luoshi.api.review.RectificationStep;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.db.Timestamps;

/**
 * Rectifications (table {@code rectification}) and their history ({@code rectification_step}). {@code open_slot} is 1
 * while a rectification is open and NULL once it is verified: the unique key (requirement, region, period start,
 * open_slot) lets an item have one open rectification, ever, and any number of verified ones (V8).
 */
@ApplicationScoped
public class RectificationStore {

    /** An item: what one open rectification is about. */
    public record Item(String requirementId, String regionCode, LocalDate periodStart) {
    }

    /** A transition to store in a rectification's history, its {@code seq} the next after the stored ones. */
    public record NewStep(String rectificationId, int seq, RectificationStep step) {
    }

    /** The filters of the list (API.md, "Rectification"); each null when not asked. */
    public record Filter(String scope, RectificationStatus status, String requirementId, Boolean overdue, Integer year,
            LocalDate today) {
    }

    private static final String COLUMNS = "id, requirement_id, region_code, period_start, period_end, due_date, description,"
            + " status, owner_unit, owner_contact, owner_region_code, expected, actual, version";
    private static final String WRITTEN = "id, requirement_id, region_code, period_start, period_end, due_date, description,"
            + " status, open_slot, owner_unit, owner_contact, owner_region_code, expected, actual, created_at";

    private final Database db;

    RectificationStore(Database db) {
        this.db = db;
    }

    /** Stores a new rectification; a duplicate key (an open one of the item is stored) fails the statement. */
    public void insert(Rectification r, Instant createdAt) {
        db.insertAll("INSERT INTO rectification (" + WRITTEN + ") VALUES", "", List.of(r), row -> values(row, createdAt));
    }

    /**
     * Stores those of the rectifications whose item has no open one yet, each at most once whatever ran before (INSERT
     * IGNORE under the unique key); answers those it did store, in their order.
     */
    public List<Rectification> insertNew(List<Rectification> rectifications, Instant createdAt) {
        Set<String> inserted = new HashSet<>(db.insertReturning("INSERT IGNORE INTO rectification (" + WRITTEN + ") VALUES",
                "RETURNING id", rectifications, row -> values(row, createdAt), rs -> rs.getString(1)));
        return rectifications.stream().filter(r -> inserted.contains(r.id())).toList();
    }

    private static List<?> values(Rectification r, Instant createdAt) {
        ItemOwner owner = r.owner();
        return Arrays.asList(r.id(), r.requirementId(), r.regionCode(), r.periodStart(), r.periodEnd(), r.dueDate(),
                r.description(), r.status(), r.status().open() ? 1 : null, owner == null ? null : owner.unit(),
                owner == null ? null : owner.contact(), owner == null ? null : owner.regionCode(), r.expected(), r.actual(),
                Timestamps.utc(createdAt));
    }

    /** Those of the items of {@code spans} that have an open rectification, in one query on the open items' key. */
    public Set<Item> openItems(ItemSpans spans) {
        if (spans.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(db.list(Sql.of("SELECT requirement_id, region_code, period_start FROM rectification"
                + " WHERE open_slot = 1 AND :spans").bind("spans", spans.condition()),
                rs -> new Item(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class))));
    }

    /**
     * The open rectifications of the regions of {@code scope}'s subtree whose codes lie in [{@code from}, {@code to}]
     * (the rows of a follow-up list), in one query on the open items' key.
     */
    public List<ItemRectification> open(String scope, String from, String to) {
        return db.list(Sql.of("SELECT id, status, due_date, requirement_id, region_code, period_start FROM rectification"
                + " WHERE open_slot = 1 AND region_code LIKE :subtree AND region_code BETWEEN :from AND :to")
                .bind("subtree", subtree(scope)).bind("from", from).bind("to", to),
                rs -> new ItemRectification(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class)));
    }

    public Optional<Rectification> find(String id) {
        return one(Sql.of("SELECT " + COLUMNS + " FROM rectification WHERE id = :id").bind("id", id));
    }

    /** The open rectification of the item, if it has one. */
    public Optional<Rectification> openOf(Item item) {
        return one(Sql.of("SELECT " + COLUMNS + " FROM rectification WHERE requirement_id = :requirement"
                + " AND region_code = :region AND period_start = :start AND open_slot = 1")
                .bind("requirement", item.requirementId()).bind("region", item.regionCode())
                .bind("start", item.periodStart()));
    }

    /** The rectification, read with a lock on its row until the transaction ends, for a transition. */
    public Optional<Rectification> lock(String id) {
        return one(Sql.of("SELECT " + COLUMNS + " FROM rectification WHERE id = :id FOR UPDATE").bind("id", id));
    }

    private Optional<Rectification> one(Sql sql) {
        return db.one(sql, RectificationStore::rectification).map(r -> withHistory(List.of(r)).get(0));
    }

    /**
     * Moves the rectification, which must be at {@code version} (read with {@link #lock}), to {@code status},
     * advancing its version; a verified one leaves its item's open slot.
     */
    public void transition(String id, long version, RectificationStatus status) {
        db.updateOne(Sql.of("UPDATE rectification SET status = :status, open_slot = :slot, version = version + 1"
                + " WHERE id = :id AND version = :version").bind("status", status).bind("slot", status.open() ? 1 : null)
                .bind("id", id).bind("version", version));
    }

    /** Appends transitions to the histories, in multi-row statements. */
    public void addSteps(List<NewStep> steps) {
        db.insertAll("INSERT INTO rectification_step (rectification_id, seq, status, actor, at, note, document_ref,"
                + " item_status) VALUES", "", steps, s -> Arrays.asList(s.rectificationId(), s.seq(), s.step().status(),
                        s.step().by(), Timestamps.utc(s.step().at()), s.step().note(), s.step().documentRef(),
                        s.step().itemStatus()));
    }

    /**
     * Claims, for the run {@code run}, the rectification.overdue event of every open rectification of {@code scope}'s
     * subtree past its due date on {@code asOf} whose event no run claimed yet, and answers them. The claim is a written
     * row: two runs at once, on one server or on two Galera nodes, never both claim one (the later waits and finds it
     * claimed, or fails certification and runs again).
     */
    public List<Rectification> claimOverdue(String scope, LocalDate asOf, String run) {
        db.update(Sql.of("UPDATE rectification SET overdue_run = :run WHERE open_slot = 1 AND due_date < :asOf"
                + " AND overdue_run IS NULL AND region_code LIKE :subtree").bind("run", run).bind("asOf", asOf)
                .bind("subtree", subtree(scope)));
        return withHistory(db.list(Sql.of("SELECT " + COLUMNS + " FROM rectification WHERE overdue_run = :run ORDER BY id")
                .bind("run", run), RectificationStore::rectification));
    }

    /** The rectifications of the filter, the newest due date first, each with its history. */
    public Page<Rectification> page(Filter f, int page, int size) {
        Filters filters = new Filters().inSubtree(f.scope())
                .with("status = :status", "status", f.status())
                .with("requirement_id = :requirement", "requirement", f.requirementId())
                .with("YEAR(period_start) = :year", "year", f.year());
        if (f.overdue() != null) {
            filters.with(f.overdue() ? "open_slot = 1 AND due_date < :today" : "(open_slot IS NULL OR due_date >= :today)",
                    "today", f.today());
        }
        Page<Rectification> rows = filters.page(db, COLUMNS, "rectification", "due_date DESC, region_code, requirement_id, id",
                page, size, RectificationStore::rectification);
        return new Page<>(withHistory(rows.items()), rows.page(), rows.size(), rows.total());
    }

    /**
     * The rectifications of {@code scope}'s subtree whose period starts in {@code year}, per status, and those open past
     * their due date on {@code day}: one grouped statement.
     */
    public RectificationCounts counts(String scope, int year, LocalDate day) {
        long[] n = new long[RectificationStatus.values().length];
        long[] overdue = {0};
        db.list(Sql.of("SELECT status, COUNT(*), SUM(open_slot = 1 AND due_date < :day) FROM rectification"
                + " WHERE region_code LIKE :subtree AND period_start BETWEEN :from AND :to GROUP BY status")
                .bind("day", day).bind("subtree", subtree(scope)).bind("from", LocalDate.of(year, 1, 1))
                .bind("to", LocalDate.of(year, 12, 31)), rs -> {
                    n[RectificationStatus.valueOf(rs.getString(1)).ordinal()] = rs.getLong(2);
                    overdue[0] += rs.getLong(3);
                    return null;
                });
        return new RectificationCounts(n[RectificationStatus.OPEN.ordinal()], n[RectificationStatus.SUBMITTED.ordinal()],
                n[RectificationStatus.VERIFIED.ordinal()], n[RectificationStatus.REJECTED.ordinal()], overdue[0]);
    }

    private List<Rectification> withHistory(List<Rectification> rectifications) {
        if (rectifications.isEmpty()) {
            return rectifications;
        }
        Map<String, List<RectificationStep>> steps = new HashMap<>();
        for (int from = 0; from < rectifications.size(); from += Database.CHUNK) {
            List<String> ids = rectifications.subList(from, Math.min(rectifications.size(), from + Database.CHUNK)).stream()
                    .map(Rectification::id).toList();
            db.list(Sql.of("SELECT rectification_id, status, actor, at, note, document_ref, item_status"
                    + " FROM rectification_step WHERE rectification_id IN (:ids) ORDER BY rectification_id, seq")
                    .bind("ids", ids), rs -> {
                        String item = rs.getString(7);
                        steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RectificationStep(
                                RectificationStatus.valueOf(rs.getString(2)), rs.getString(3), Timestamps.instant(rs, 4),
                                rs.getString(5), rs.getString(6), item == null ? null : ComplianceStatus.valueOf(item)));
                        return null;
                    });
        }
        return rectifications.stream().map(r -> new Rectification(r.id(), r.requirementId(), r.regionCode(),
                r.periodStart(), r.periodEnd(), r.dueDate(), r.description(), r.status(), r.owner(), r.expected(),
                r.actual(), List.copyOf(steps.getOrDefault(r.id(), List.of())), r.version())).toList();
    }

    private static String subtree(String scope) {
        return RegionCode.isCountry(scope) ? "%" : RegionCode.subtreePattern(scope);
    }

    private static Rectification rectification(ResultSet rs) throws SQLException {
        String unit = rs.getString(9);
        return new Rectification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                RectificationStatus.valueOf(rs.getString(8)),
                unit == null ? null : new ItemOwner(unit, rs.getString(10), rs.getString(11)), rs.getString(12),
                rs.getString(13), List.of(), rs.getLong(14));
    }
}
