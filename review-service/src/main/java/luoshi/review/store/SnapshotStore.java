package luoshi.review.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.evaluation.Evaluation;
import luoshi.api.evaluation.Trend;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.db.Timestamps;

/**
 * The daily snapshots of compliance and score (table {@code compliance_snapshot}), the regions below county level whose
 * trend was asked for ({@code trend_region}), and the regions of the copy the snapshot job walks. A snapshot exists once
 * per region, year and day: its primary key, written with INSERT IGNORE (issue #18: no lock row).
 */
@ApplicationScoped
public class SnapshotStore {

    /** One region's subtree on one day: the rollup's counts and rate, the evaluation's scores. */
    public record Snapshot(String regionCode, int year, LocalDate date, StatusCounts counts, BigDecimal complianceRate,
            BigDecimal score, Evaluation.Dimensions dimensions) {
    }

    private static final String COLUMNS = "region_code, year, snapshot_date, compliant, pending, non_compliant, no_data, "
            + "not_applicable, waived, compliance_rate, score, score_common, score_specific, score_progress, "
            + "score_satisfaction, taken_at";

    private final Database db;

    SnapshotStore(Database db) {
        this.db = db;
    }

    /** Stores the snapshots not stored yet (INSERT IGNORE under the key); answers how many it stored. */
    public int insertNew(List<Snapshot> snapshots, Instant takenAt) {
        return db.insertAll("INSERT IGNORE INTO compliance_snapshot (" + COLUMNS + ") VALUES", "", snapshots, s -> {
            StatusCounts c = s.counts();
            Evaluation.Dimensions d = s.dimensions();
            return Arrays.asList(s.regionCode(), s.year(), s.date(), c.compliant(), c.pending(), c.nonCompliant(),
                    c.noData(), c.notApplicable(), c.waived(), s.complianceRate(), s.score(), d.common(), d.specific(),
                    d.progress(), d.satisfaction(), Timestamps.utc(takenAt));
        });
    }

    /** True when a snapshot of {@code regionCode}'s subtree for {@code year} was ever taken. */
    public boolean any(String regionCode, int year) {
        return db.one(Sql.of("SELECT 1 FROM compliance_snapshot WHERE region_code = :code AND year = :year LIMIT 1")
                .bind("code", regionCode).bind("year", year), rs -> true).isPresent();
    }

    /** True when {@code regionCode}'s snapshot of {@code year} was taken on {@code day}. */
    public boolean taken(String regionCode, int year, LocalDate day) {
        return db.one(Sql.of("SELECT 1 FROM compliance_snapshot WHERE region_code = :code AND year = :year"
                + " AND snapshot_date = :day").bind("code", regionCode).bind("year", year).bind("day", day), rs -> true)
                .isPresent();
    }

    /** The snapshots of a region and year whose day lies in [from, to] (either open when null), oldest first. */
    public List<Trend.Point> points(String regionCode, int year, LocalDate from, LocalDate to) {
        Sql sql = Sql.of("SELECT snapshot_date, compliant, pending, non_compliant, no_data, not_applicable, waived,"
                + " compliance_rate, score, score_common, score_specific, score_progress, score_satisfaction"
                + " FROM compliance_snapshot WHERE region_code = :code AND year = :year"
                + " AND snapshot_date >= :from AND snapshot_date <= :to ORDER BY snapshot_date")
                .bind("code", regionCode).bind("year", year)
                .bind("from", from == null ? LocalDate.of(1000, 1, 1) : from)
                .bind("to", to == null ? LocalDate.of(9999, 12, 31) : to);
        return db.list(sql, SnapshotStore::point);
    }

    private static Trend.Point point(ResultSet rs) throws SQLException {
        return new Trend.Point(rs.getObject(1, LocalDate.class),
                new StatusCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)),
                rs.getBigDecimal(8), rs.getBigDecimal(9),
                new Evaluation.Dimensions(rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
                        rs.getBigDecimal(13)));
    }

    /** Keeps {@code regionCode} among the regions the daily job snapshots besides those down to county level. */
    public void ask(String regionCode, LocalDate on) {
        db.update(Sql.of("INSERT IGNORE INTO trend_region (region_code, asked_on) VALUES (:code, :on)")
                .bind("code", regionCode).bind("on", on));
    }

    /**
     * The next page of the regions of the copy in {@code scope}'s subtree (the scope included) at one of {@code levels},
     * in code order after {@code after} ("" for the first page): the job walks the country a page at a time.
     */
    public List<String> regions(String scope, List<String> levels, String after, int limit) {
        return db.list(Sql.of("SELECT code FROM region WHERE level IN (:levels) AND code LIKE :subtree AND code > :after"
                + " ORDER BY code LIMIT :limit").bind("levels", levels).bind("subtree", subtree(scope))
                .bind("after", after).bind("limit", limit), rs -> rs.getString(1));
    }

    /** The next page of the regions asked for in {@code scope}'s subtree, as {@link #regions}. */
    public List<String> asked(String scope, String after, int limit) {
        return db.list(Sql.of("SELECT region_code FROM trend_region WHERE region_code LIKE :subtree AND region_code > :after"
                + " ORDER BY region_code LIMIT :limit").bind("subtree", subtree(scope)).bind("after", after)
                .bind("limit", limit), rs -> rs.getString(1));
    }

    private static String subtree(String scope) {
        return RegionCode.isCountry(scope) ? "%" : RegionCode.subtreePattern(scope);
    }
}
