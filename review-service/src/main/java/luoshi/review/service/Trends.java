package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.evaluation.Trend;
import luoshi.platform.ProblemException;
import luoshi.review.store.SnapshotStore;

/**
 * The trend of a region (API.md, "Evaluation and trends"): its snapshots of a year in date order, to a reader of the
 * region. A region never snapshotted in the current year (a township, which the daily job does not cover, or any region
 * before the job's first run) is snapshotted now and kept ({@link SnapshotJob#takeNow}); a township or village is then
 * snapshotted by the daily job too, so its trend grows a point a day from the day it was first asked for.
 */
@ApplicationScoped
public class Trends {

    private final SnapshotStore store;
    private final SnapshotJob job;
    private final KnownRegions known;
    private final Clock clock;

    Trends(SnapshotStore store, SnapshotJob job, KnownRegions known, Clock clock) {
        this.store = store;
        this.job = job;
        this.known = known;
        this.clock = clock;
    }

    public Trend trend(String regionCode, Integer year, LocalDate from, LocalDate to) {
        known.read(regionCode);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must be on or after from (" + from + ")");
        }
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        List<String> incomplete = List.of();
        if (y == today.getYear() && !store.any(regionCode, y)) {
            incomplete = job.takeNow(regionCode, today);
        }
        return new Trend(regionCode, y, store.points(regionCode, y, from, to), incomplete);
    }
}
