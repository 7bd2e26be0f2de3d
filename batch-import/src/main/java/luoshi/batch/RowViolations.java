package luoshi.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import luoshi.api.common.Problem;
import luoshi.api.common.Violation;
import luoshi.platform.ProblemException;

/**
 * The invalid fields of a batch being read, each named by its row ({@code [3].amount}), and for a workbook by its cell
 * too ({@link Cells}). Reading stops at the {@value #MAX}th: a body of a million invalid rows is answered after its first
 * rows, and nothing of it is stored.
 */
final class RowViolations {

    /** The most invalid fields a 400 names; reading stops there. */
    static final int MAX = 100;

    /** Where a field of a row is in the body: an XLSX cell ({@code funding!D7}); null where the body has no cells. */
    @FunctionalInterface
    interface Cells {
        Cells NONE = (index, field) -> null;

        /** The cell of {@code field} (relative to the row, "" for the row itself) in row {@code index}. */
        String of(int index, String field);
    }

    private final List<Violation> found = new ArrayList<>();
    private final Cells cells;

    RowViolations() {
        this(Cells.NONE);
    }

    RowViolations(Cells cells) {
        this.cells = cells;
    }

    /** Adds {@code v} of row {@code index} (its field relative to the row, or "" for the row itself). */
    void add(int index, Violation v) {
        found.add(new Violation("[" + index + "]" + (v.field().isEmpty() ? "" : "." + v.field()), v.message(),
                cells.of(index, v.field())));
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
        throw invalid(named, found.size() >= MAX ? " (the first " + MAX + " invalid fields; the rest of the body was not read)."
                + " Nothing was stored." : null);
    }

    /**
     * The 400 naming {@code violations}, as {@link ProblemException#badRequest(List)} names them; where they name cells,
     * its detail names the cells ({@code funding!D7 ([5].amount): must be greater than 0}). {@code more}, when not null,
     * ends the detail.
     */
    static ProblemException invalid(List<Violation> violations, String more) {
        boolean cells = violations.stream().anyMatch(v -> v.cell() != null);
        String detail = !cells ? ProblemException.badRequest(violations).problem().detail()
                : violations.size() == 1 ? named(violations.get(0)) + ": " + violations.get(0).message()
                : violations.size() + " invalid cells: " + String.join(", ", violations.stream().map(RowViolations::named)
                        .distinct().toList());
        return new ProblemException(Problem.invalid(more == null ? detail : detail + more, violations));
    }

    private static String named(Violation v) {
        return v.cell() == null ? v.field() : v.cell() + " (" + v.field() + ")";
    }

    /** The 413 of a batch with more than {@code max} rows: found when row {@code max} is reached, the rest unread. */
    static ProblemException tooManyRows(int max) {
        return new ProblemException(Problem.of(413, "Content Too Large", "A batch holds at most " + String.format("%,d", max)
                + " rows; this one has more (the rest of the body was not read). Nothing was stored: send it in parts."));
    }

    /** The row a field names ({@code [3].amount} → 3), -1 for a field that names none. */
    static int rowOf(Violation v) {
        String f = v.field();
        int end = f.indexOf(']');
        if (!f.startsWith("[") || end < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(f.substring(1, end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
