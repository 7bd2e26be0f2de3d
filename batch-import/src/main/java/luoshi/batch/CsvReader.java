package luoshi.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import luoshi.platform.ProblemException;

/**
 * Reads a CSV batch (a header line, then one row a line) as a stream, into the records a JSON batch of the same endpoint
 * takes, and checks them with the same Bean Validation, so that both ways in name a bad field alike: {@code [3].total}
 * (row 0 is the first after the header). The limits are {@link BatchReader}'s: a row past {@code maxRows} is a 413, the
 * rest unread; reading stops at the {@value RowViolations#MAX}th invalid field (400); a value of more than
 * {@value BatchReader#MAX_TEXT} characters or text that is not UTF-8 stops it too (400 naming the row). Nothing is stored
 * by a batch that fails here.
 */
@ApplicationScoped
public class CsvReader {

    private final Validator validator;

    CsvReader(Validator validator) {
        this.validator = validator;
    }

    /**
     * The rows of {@code body} as {@code mapper} makes them, every one valid; the header must hold every one of
     * {@code required} and nothing outside {@code required} and {@code optional}, else a 400 naming the header.
     */
    public <T> List<T> read(InputStream body, List<String> required, List<String> optional, int maxRows,
            Function<Row, T> mapper) {
        CsvLines lines = new CsvLines(body, BatchReader.MAX_TEXT, required.size() + optional.size());
        Map<String, Integer> columns = header(lines, required, optional);
        List<T> out = new ArrayList<>();
        RowViolations violations = new RowViolations();
        RowChecks<T> checks = new RowChecks<>(validator, mapper, (index, row) -> List.of(), violations);
        for (int i = 0; !violations.full(); i++) {
            List<String> values;
            try {
                values = lines.next();
            } catch (CharacterCodingException e) {
                violations.add(i, "", "is not UTF-8 text; the rest of the body was not read");
                break;
            } catch (IOException e) {
                violations.add(i, "", (e instanceof CsvLines.TooLong ? "has " + e.getMessage() : "could not be read")
                        + "; the rest of the body was not read");
                break;
            }
            if (values == null) {
                break;
            }
            if (i >= maxRows) {
                throw RowViolations.tooManyRows(maxRows);
            }
            if (values.size() != columns.size()) {
                violations.add(i, "", "has " + values.size() + " values, the header " + columns.size());
                continue;
            }
            Map<String, String> byName = new HashMap<>();
            columns.forEach((name, at) -> byName.put(name, values.get(at)));
            out.add(checks.check(i, byName, violations.size()));
        }
        violations.throwIfAny();
        return out;
    }

    private static Map<String, Integer> header(CsvLines lines, List<String> required, List<String> optional) {
        List<String> header;
        try {
            header = lines.next();
        } catch (IOException e) {
            throw ProblemException.badRequest("header", "cannot be read: " + (e instanceof CharacterCodingException
                    ? "the file is not UTF-8 text" : e.getMessage()) + "; the header must be " + String.join(",", required));
        }
        if (header == null) {
            throw ProblemException.badRequest("header", "the file is empty; the header must be " + String.join(",", required));
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i) == null ? "" : header.get(i);
            if (!required.contains(h) && !optional.contains(h)) {
                throw ProblemException.badRequest("header", "unknown column '" + h + "'; expected " + String.join(",", required)
                        + (optional.isEmpty() ? "" : " and optionally " + String.join(",", optional)));
            }
            if (columns.put(h, i) != null) {
                throw ProblemException.badRequest("header", "the column '" + h + "' appears twice");
            }
        }
        for (String r : required) {
            if (!columns.containsKey(r)) {
                throw ProblemException.badRequest("header", "missing column '" + r + "'");
            }
        }
        return columns;
    }
}
