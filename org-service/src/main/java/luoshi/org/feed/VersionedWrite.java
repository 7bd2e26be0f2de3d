package luoshi.org.feed;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import luoshi.api.common.ProblemException;
import luoshi.api.common.Violation;
import luoshi.api.region.ImportResult;

/**
 * The end of every region and population write: only rows that differ from the stored ones are written,
 * each with the next version of the (locked) feed counter, so that a re-import adds nothing to the feed.
 */
public final class VersionedWrite {

    /** A rejected batch lists at most this many violations. */
    static final int MAX_VIOLATIONS = 100;

    private VersionedWrite() {
    }

    /** 400 with the violations, if any (the first {@value #MAX_VIOLATIONS}). */
    public static void reject(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations.subList(0, Math.min(MAX_VIOLATIONS, violations.size())));
        }
    }

    /**
     * Writes the rows that differ from {@code storedOf} (null: new) in {@code order}, versioned after
     * {@code lockedVersion} (from {@link FeedCounter#lock}), and advances the counter.
     */
    public static <T> ImportResult writeChanged(Connection c, long lockedVersion, List<T> rows, Function<T, T> storedOf,
            Comparator<T> order, BiConsumer<List<T>, Long> upsert) throws SQLException {
        List<T> changed = new ArrayList<>();
        int created = 0;
        for (T row : rows) {
            T before = storedOf.apply(row);
            created += before == null ? 1 : 0;
            if (!row.equals(before)) {
                changed.add(row);
            }
        }
        changed.sort(order);
        upsert.accept(changed, lockedVersion + 1);
        long version = lockedVersion + changed.size();
        FeedCounter.advance(c, version);
        return new ImportResult(rows.size(), created, changed.size() - created, rows.size() - changed.size(), version);
    }
}
