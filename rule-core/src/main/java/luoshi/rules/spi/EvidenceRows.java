package luoshi.rules.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import luoshi.api.compliance.Evidence;
import luoshi.db.Database;
import luoshi.db.Sql;

/**
 * The evidence of several items of a type read with one statement ({@link RuleType#evidence(List)}): each item's own
 * {@code SELECT} (the one it would run alone), tagged with its place and joined with {@code UNION ALL}, ordered by the
 * place and then by {@code order}, and the rows handed back to their items. The same rows in the same order as one
 * statement per item, so an item reads the same whichever way it was asked; the round trips and the statements'
 * overhead are one instead of one per item (a region's items afresh: #29), or one per {@link #BRANCHES} selections
 * (a page of the follow-up list).
 *
 * <p>Items that ask the very same {@code SELECT} (two requirements of the type with the same parameters, as a
 * national and a local funding minimum of one category) share one branch.
 */
public final class EvidenceRows {

    /**
     * The selections joined in one statement at most. MariaDB's cost of a {@code UNION ALL} grows faster than its
     * branches: 2,500 one-row selections took 1.6–2× as long in statements of 1,000 branches as one by one, and about
     * the same in statements of 10 to 30 (EvidenceRowsTest's items, the embedded server). A region's items
     * of one type are fewer: one statement; a page of the follow-up list (up to 5,000 rows) a statement per 32.
     */
    static final int BRANCHES = 32;

    /** The column the place of an item's branch is read from: a name no rule type's columns take. */
    static final String PLACE = "evidence_place_";

    private EvidenceRows() {
    }

    /**
     * The rows of every item's {@code select}, read by {@code row} in one statement: each item's rows, in the order of
     * {@code found} (the same list for items of the same {@code SELECT}). {@code select} gives an item's rows without
     * an {@code ORDER BY}, its columns read by {@code row} by position or by name (unique names: each branch is a
     * derived table), or null for an item with no rows to read (none: an empty list); {@code order} orders one item's
     * rows by those names ({@code "meeting_date, id"}). A type whose rows are its evidence reads {@link Evidence}; one
     * that makes its evidence out of its rows, rows of its own.
     */
    public static <P, R> List<List<R>> read(Database db, List<Found<P>> found, Function<Found<P>, Sql> select,
            String order, Database.RowReader<R> row) {
        Map<Sql, Integer> places = new LinkedHashMap<>();
        List<Integer> placeOf = new ArrayList<>();
        for (Found<P> f : found) {
            Sql s = select.apply(f);
            placeOf.add(s == null ? null : places.computeIfAbsent(s, k -> places.size()));
        }
        List<List<R>> byPlace = new ArrayList<>();
        List<Sql> branches = new ArrayList<>();
        for (Map.Entry<Sql, Integer> e : places.entrySet()) {
            byPlace.add(new ArrayList<>());
            branches.add(Sql.of("SELECT x.*, :place AS " + PLACE + " FROM (:select) x")
                    .bind("place", e.getValue()).bind("select", e.getKey()));
        }
        for (int from = 0; from < branches.size(); from += BRANCHES) {
            Sql all = Sql.of("SELECT * FROM (:all) e ORDER BY e." + PLACE + ", " + order)
                    .bind("all", Sql.join(" UNION ALL ", branches.subList(from, Math.min(branches.size(), from + BRANCHES))));
            db.list(all, rs -> byPlace.get(rs.getInt(PLACE)).add(row.read(rs)));
        }
        List<List<R>> rows = new ArrayList<>();
        for (Integer place : placeOf) {
            rows.add(place == null ? List.of() : byPlace.get(place));
        }
        return rows;
    }
}
