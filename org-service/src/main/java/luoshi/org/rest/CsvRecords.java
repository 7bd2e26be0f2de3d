package luoshi.org.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import luoshi.platform.ProblemException;
import luoshi.api.common.Violation;

/**
 * Reads the rows of a CSV import into the same records a JSON import takes, and checks them with the same
 * Bean Validation constraints, so that both ways in name a bad field alike: {@code [3].total}.
 */
@ApplicationScoped
public class CsvRecords {

    static final int MAX_VIOLATIONS = 100;

    private final Validator validator;

    public CsvRecords(Validator validator) {
        this.validator = validator;
    }

    /** One row being read; a value that does not parse is recorded as a violation of its field. */
    public static final class Row {
        private final CsvTable table;
        private final int index;
        private final List<Violation> violations;

        Row(CsvTable table, int index, List<Violation> violations) {
            this.table = table;
            this.index = index;
            this.violations = violations;
        }

        public String text(String column) {
            return table.get(index, column);
        }

        public Long whole(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                violations.add(new Violation("[" + index + "]." + column, "cannot read '" + v + "' as a whole number"));
                return null;
            }
        }

        public <E extends Enum<E>> E oneOf(String column, Class<E> type) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("[" + index + "]." + column, "cannot read '" + v + "' as one of "
                        + java.util.Arrays.toString(type.getEnumConstants())));
                return null;
            }
        }
    }

    public <T> List<T> read(String csv, List<String> required, List<String> optional, Function<Row, T> mapper) {
        CsvTable table = CsvTable.parse(csv, required, optional);
        List<Violation> violations = new ArrayList<>();
        List<T> out = new ArrayList<>(table.size());
        for (int i = 0; i < table.size() && violations.size() < MAX_VIOLATIONS; i++) {
            int before = violations.size();
            T record = mapper.apply(new Row(table, i, violations));
            List<String> unreadable = violations.subList(before, violations.size()).stream().map(Violation::field).toList();
            for (ConstraintViolation<T> v : validator.validate(record)) {
                String field = "[" + i + "]." + v.getPropertyPath();
                if (!unreadable.contains(field)) {
                    violations.add(new Violation(field, v.getMessage()));
                }
            }
            out.add(record);
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparingInt(CsvRecords::rowOf));
            throw ProblemException.badRequest(violations.subList(0, Math.min(MAX_VIOLATIONS, violations.size())));
        }
        return out;
    }

    private static int rowOf(Violation v) {
        return Integer.parseInt(v.field().substring(1, v.field().indexOf(']')));
    }
}
