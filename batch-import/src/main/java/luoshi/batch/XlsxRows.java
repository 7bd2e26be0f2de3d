package luoshi.batch;

import java.util.List;
import java.util.function.Function;
import luoshi.api.common.Problem;
import luoshi.api.common.Violation;
import luoshi.platform.ProblemException;

/**
 * The valid rows of an XLSX batch ({@link XlsxReader}) and where each is in the workbook, so that what the service finds
 * wrong with a row after reading (a region that does not exist: {@code [3].regionCode}) names its cell too.
 */
public final class XlsxRows<T> {

    private final List<T> rows;
    private final RowViolations.Cells cells;

    XlsxRows(List<T> rows, RowViolations.Cells cells) {
        this.rows = List.copyOf(rows);
        this.cells = cells;
    }

    public List<T> rows() {
        return rows;
    }

    /**
     * What {@code store} answers for the rows; its 400 naming rows ({@code [3].regionCode}) names their cells too
     * ({@code funding!A6}).
     */
    public <R> R store(Function<List<T>, R> store) {
        try {
            return store.apply(rows);
        } catch (ProblemException e) {
            Problem p = e.problem();
            if (p.status() != 400 || p.violations() == null || p.violations().isEmpty()) {
                throw e;
            }
            throw RowViolations.invalid(p.violations().stream().map(this::named).toList(), null);
        }
    }

    private Violation named(Violation v) {
        int row = RowViolations.rowOf(v);
        if (v.cell() != null || row < 0) {
            return v;
        }
        int dot = v.field().indexOf("].");
        return new Violation(v.field(), v.message(), cells.of(row, dot < 0 ? "" : v.field().substring(dot + 2)));
    }
}
