package luoshi.batch;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import luoshi.api.common.Violation;

/**
 * The checks of one row of text (CSV, XLSX) made into the record the JSON batch takes: the mapper's unreadable values,
 * then Bean Validation (a value named as unreadable is not named again as missing), then the {@link BatchReader.RowRule}
 * for a row that passed, as {@link BatchReader} checks a JSON row.
 */
final class RowChecks<T> {

    private final Validator validator;
    private final Function<Row, T> mapper;
    private final BatchReader.RowRule<T> rule;
    private final RowViolations violations;

    RowChecks(Validator validator, Function<Row, T> mapper, BatchReader.RowRule<T> rule, RowViolations violations) {
        this.validator = validator;
        this.mapper = mapper;
        this.rule = rule;
        this.violations = violations;
    }

    /**
     * The record of row {@code index} (row 0 is the first after the header), its violations added; {@code since} is the
     * count of violations before the reader named this row's unreadable cells, which count as the mapper's.
     */
    T check(int index, Map<String, String> values, int since) {
        T record = mapper.apply(new Row(values, index, violations));
        List<String> unreadable = violations.fieldsSince(since);
        List<Violation> own = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(record)) {
            // a value that could not be read is named once, as unreadable, not also as missing
            if (!unreadable.contains("[" + index + "]." + v.getPropertyPath())) {
                own.add(new Violation(v.getPropertyPath().toString(), v.getMessage()));
            }
        }
        if (own.isEmpty() && unreadable.isEmpty()) {
            own.addAll(rule.check(index, record));
        }
        own.stream().sorted(Comparator.comparing(Violation::field)).forEach(v -> violations.add(index, v));
        return record;
    }
}
