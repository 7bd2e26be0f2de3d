package luoshi.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import luoshi.api.common.Problem;
import luoshi.api.common.Violation;
import luoshi.platform.ProblemException;

/**
 * The invalid fields of a batch being read, each named by its row ({@code [3].amount}). Reading stops at the
 * {@value #MAX}th: a body of a million invalid rows is answered after its first rows, and nothing of it is stored.
 */
final class RowViolations {

    /** The most invalid fields a 400 names; reading stops there. */
    static final int MAX = 100;

    private final List<Violation> found = new ArrayList<>();

    /** Adds {@code v} of row {@code index} (its field relative to the row, or "" for the row itself). */
    void add(int index, Violation v) {
        found.add(new Violation("[" + index + "]" + (v.field().isEmpty() ? "" : "." + v.field()), v.message()));
    }

    void add(int index, String field, String message) {
        add(index, new Violation(field, message));
    }

    /** The fields named since there were {@code size} of them. */
    List<String> fieldsSince(int size) {
        return found.subList(size, found.size()).stream().map(Violation::field).toList();
    }

    int size() {
        return found.size();
    }

    /** True when reading should stop here. */
    boolean full() {
        return found.size() >= MAX;
    }

    /** Throws the 400 naming the fields found so far, when there are any. */
    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        List<Violation> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(RowViolations::rowOf).thenComparing(Violation::field));
        List<Violation> named = sorted.subList(0, Math.min(MAX, sorted.size()));
        if (found.size() >= MAX) {
            ProblemException p = ProblemException.badRequest(named);
            throw new ProblemException(Problem.invalid(p.problem().detail() + " (the first " + MAX
                    + " invalid fields; the rest of the body was not read). Nothing was stored.", named));
        }
        throw ProblemException.badRequest(named);
    }

    /** The 413 of a batch with more than {@code max} rows: found when row {@code max} is reached, the rest unread. */
    static ProblemException tooManyRows(int max) {
        return new ProblemException(Problem.of(413, "Content Too Large", "A batch holds at most " + String.format("%,d", max)
                + " rows; this one has more (the rest of the body was not read). Nothing was stored: send it in parts."));
    }

    private static int rowOf(Violation v) {
        return Integer.parseInt(v.field().substring(1, v.field().indexOf(']')));
    }
}
