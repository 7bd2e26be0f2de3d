package luoshi.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Problem;
import luoshi.platform.ProblemException;
import luoshi.platform.ProblemMappers;
import luoshi.api.common.Violation;

/**
 * Reads and validates a whole batch in memory before anything is stored (API.md: any invalid row →
 * 400 naming every invalid row by index). Rows are read one by one, so that an unreadable value in
 * row 3 does not hide a negative amount in row 7. The batch arrives as a JSON tree whose numbers are
 * exact decimals ({@link ExactJsonNumbers}).
 */
@ApplicationScoped
public class BatchReader {

    /**
     * A rule over a row beyond Bean Validation (an end after the start, a key that must not repeat in the
     * batch). Called in row order, for the rows that passed Bean Validation only.
     */
    @FunctionalInterface
    public interface RowRule<T> {
        /** What is wrong with row {@code index}: violations naming the row's own fields ({@code end}), none when sound. */
        List<Violation> check(int index, T row);
    }

    private final ObjectMapper mapper;
    private final Validator validator;
    private final ProblemMappers problems = new ProblemMappers();

    BatchReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The rows read as {@code type}, every one valid; otherwise a 400 naming each invalid field as {@code [i].field}. */
    public <T> List<T> read(ArrayNode rows, Class<T> type) {
        return read(rows, type, (index, row) -> List.of());
    }

    /** As {@link #read(ArrayNode, Class)}, with {@code rule}'s violations among those of Bean Validation. */
    public <T> List<T> read(ArrayNode rows, Class<T> type, RowRule<T> rule) {
        if (rows.size() > BatchResult.MAX_ROWS) {
            throw ProblemException.badRequest("body", "at most " + BatchResult.MAX_ROWS + " rows a batch, got " + rows.size());
        }
        List<T> records = new ArrayList<>(rows.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String row = "[" + i + "]";
            JsonNode node = rows.get(i);
            if (!node.isObject()) {
                violations.add(new Violation(row, "must be a JSON object, as the single-row endpoint takes it"));
                continue;
            }
            try {
                T r = mapper.treeToValue(node, type);
                List<Violation> own = new ArrayList<>();
                for (ConstraintViolation<T> v : validator.validate(r)) {
                    own.add(new Violation(v.getPropertyPath().toString(), v.getMessage()));
                }
                if (own.isEmpty()) {
                    own.addAll(rule.check(i, r));
                }
                own.forEach(v -> violations.add(new Violation(row + "." + v.field(), v.message())));
                records.add(r);
            } catch (JsonProcessingException e) {
                Problem p = (Problem) problems.unreadable(e).getEntity();
                p.violations().forEach(v -> violations.add(new Violation(row + "." + v.field(), v.message())));
            } catch (IOException e) {
                violations.add(new Violation(row, "unreadable row"));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparingInt(BatchReader::rowOf).thenComparing(Violation::field));
            throw ProblemException.badRequest(violations);
        }
        return records;
    }

    private static int rowOf(Violation v) {
        return Integer.parseInt(v.field().substring(1, v.field().indexOf(']')));
    }
}
