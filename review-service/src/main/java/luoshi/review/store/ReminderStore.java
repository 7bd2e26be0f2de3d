package luoshi.review.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import luoshi.api.common.Page;
import luoshi.api.compliance.ItemOwner;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderStage;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.db.Timestamps;

/**
 * The reminders (table {@code reminder}). {@code lead_days} is the lead time of an UPCOMING reminder and 0 for OVERDUE:
 * part of the stage's identity in the unique key, which is what makes a reminder exist once (issue #18: no lock row).
 * {@code owner_*} are the unit the reminder was addressed to when it was created (#17), NULL when none was set.
 */
@ApplicationScoped
public class ReminderStore {

    /** What the unique key of a reminder says: one per requirement × region × period × stage, ever. */
    public record Key(String requirementId, String regionCode, LocalDate periodStart, ReminderStage stage, int leadDays) {
    }

    private static final String COLUMNS = "id, requirement_id, requirement_title, region_code, region_name, period_start, "
            + "period_end, due_date, stage, lead_days, created_at, owner_unit, owner_contact, owner_region_code";

    private final Database db;

    ReminderStore(Database db) {
        this.db = db;
    }

    /** The keys of the reminders stored for the items of {@code spans}, in one query on the unique key. */
    public Set<Key> keysOf(ItemSpans spans) {
        if (spans.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(db.list(Sql.of("SELECT requirement_id, region_code, period_start, stage, lead_days FROM reminder"
                + " WHERE :spans").bind("spans", spans.condition()),
                rs -> new Key(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        ReminderStage.valueOf(rs.getString(4)), rs.getInt(5))));
    }

    /**
     * Inserts the reminders in multi-row statements (a national run creates tens of thousands: one statement each took
     * minutes, benchmarks/), each at most once: INSERT IGNORE under the unique key leaves out a reminder whose key is
     * stored already, whatever ran before. Answers the reminders it did create (their new ids are in the table now),
     * in their order.
     */
    public List<Reminder> insertNew(List<Reminder> reminders) {
        Set<String> inserted = new HashSet<>(db.insertReturning("INSERT IGNORE INTO reminder (" + COLUMNS + ") VALUES",
                "RETURNING id", reminders, r -> {
            ItemOwner owner = r.owner();
            return Arrays.asList(r.id(), r.requirementId(), r.requirementTitle(), r.regionCode(), r.regionName(),
                    r.periodStart(), r.periodEnd(), r.dueDate(), r.stage(), r.daysBefore() == null ? 0 : r.daysBefore(),
                    Timestamps.utc(r.createdAt()), owner == null ? null : owner.unit(),
                    owner == null ? null : owner.contact(), owner == null ? null : owner.regionCode());
        }, rs -> rs.getString(1)));
        return reminders.stream().filter(r -> inserted.contains(r.id())).toList();
    }

    /**
     * The reminders of {@code scope}'s subtree, of the requirement, the stage and the year (of the period's start) when
     * given, newest first.
     */
    public Page<Reminder> page(String scope, String requirementId, ReminderStage stage, Integer year, int page,
            int size) {
        return new Filters().inSubtree(scope)
                .with("requirement_id = :requirement", "requirement", requirementId)
                .with("stage = :stage", "stage", stage)
                .with("YEAR(period_start) = :year", "year", year)
                .page(db, COLUMNS, "reminder", "created_at DESC, region_code, requirement_id, id", page, size,
                        ReminderStore::reminder);
    }

    private static Reminder reminder(ResultSet rs) throws SQLException {
        ReminderStage stage = ReminderStage.valueOf(rs.getString(9));
        return new Reminder(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), stage,
                stage == ReminderStage.OVERDUE ? null : rs.getInt(10), Timestamps.instant(rs, 11), owner(rs));
    }

    /** The owner the reminder was addressed to when it was created; null when none was set (no unit stored). */
    private static ItemOwner owner(ResultSet rs) throws SQLException {
        String unit = rs.getString(12);
        return unit == null ? null : new ItemOwner(unit, rs.getString(13), rs.getString(14));
    }
}
