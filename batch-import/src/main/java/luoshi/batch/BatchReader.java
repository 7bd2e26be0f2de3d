package luoshi.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.common.Problem;
import luoshi.api.common.Violation;
import luoshi.platform.ProblemException;
import luoshi.platform.ProblemMappers;

/**
 * Reads a JSON batch (an array of rows) as a stream, row by row, and checks each row as it comes (API.md, "Bodies"):
 * the body is never held whole, and what is kept is the rows read so far. While reading:
 * <ul>
 *   <li>a row past {@code maxRows} is a 413, the rest of the body unread;</li>
 *   <li>an invalid row is named by its index ({@code [3].amount}: an unreadable value in row 3 does not hide a negative
 *       amount in row 7), and after {@value RowViolations#MAX} invalid fields reading stops: 400;</li>
 *   <li>a row that is not one record (more than {@value #MAX_ROW_TOKENS} JSON tokens, more than
 *       {@value #MAX_NESTED_PER_ROW} objects inside it, more than {@value #MAX_NESTED} in the batch, a text of more than
 *       {@value #MAX_TEXT} characters) or JSON that is not well formed stops reading: 400 naming the row. These bound what
 *       a batch within its byte limit can cost in memory, whatever its shape.</li>
 * </ul>
 * The byte limit is the platform's ({@code BodyLimits}), counted on the same stream. Numbers are read as written
 * ({@link ExactJsonNumbers}). Nothing is stored by a batch that fails here: the rows are written only after all were read.
 */
@ApplicationScoped
public class BatchReader {

    /** The JSON tokens one row may have: a record of a few fields, with its few nested records (an organisation's leaders). */
    static final int MAX_ROW_TOKENS = 2_000;
    /** The objects nested in one row (an organisation's leaders). */
    static final int MAX_NESTED_PER_ROW = 100;
    /** The objects nested in the rows of one batch. */
    static final int MAX_NESTED = 100_000;
    /** The characters of one text value: a name, a title, a document reference. */
    static final int MAX_TEXT = 10_000;

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
        this.mapper = mapper.copy();
        this.mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_TEXT).build());
        // the body's stream is never closed here: closing a request's stream reads it to its end, and a refused batch
        // is answered without reading the rest (the connection is closed after the answer)
        this.mapper.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        // a row is read from the middle of the array: the tokens after it are the next rows, not trailing ones (the end
        // of the array is checked by trailing(p) instead)
        this.mapper.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
    }

    /** The rows of {@code body} read as {@code type}, every one valid; otherwise a 400 naming each invalid field. */
    public <T> List<T> read(InputStream body, Class<T> type, int maxRows) {
        return read(body, type, maxRows, (index, row) -> List.of());
    }

    /** As {@link #read(InputStream, Class, int)}, with {@code rule}'s violations among those of Bean Validation. */
    public <T> List<T> read(InputStream body, Class<T> type, int maxRows, RowRule<T> rule) {
        List<T> rows = new ArrayList<>();
        RowViolations violations = new RowViolations();
        try (CountedParser p = new CountedParser(mapper.getFactory().createParser(body))) {
            JsonToken first = start(p);
            if (first != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("body", first == null ? "the body is empty: send a JSON array of rows"
                        : "must be a JSON array of rows, as [{…},{…}]");
            }
            JsonStreamContext array = p.getParsingContext();
            for (int i = 0; !violations.full(); i++) {
                JsonToken t = next(p, i, violations);
                if (t == JsonToken.END_ARRAY) {
                    trailing(p);
                    break;
                }
                if (t == null) {
                    break;
                }
                if (i >= maxRows) {
                    throw RowViolations.tooManyRows(maxRows);
                }
                if (!row(p, i, type, rule, array, rows, violations)) {
                    break;
                }
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "the body could not be read to its end");
        }
        violations.throwIfAny();
        return rows;
    }

    /**
     * Reads row {@code i} (the parser at its first token), checks it and keeps it; false when reading must stop (JSON that
     * is not well formed, a row too large).
     */
    private <T> boolean row(CountedParser p, int i, Class<T> type, RowRule<T> rule, JsonStreamContext array, List<T> rows,
            RowViolations violations) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            violations.add(i, "", "must be a JSON object, as the single-row endpoint takes it");
            return skip(p, i, violations);
        }
        T r;
        try {
            r = mapper.readValue(p, type);
        } catch (IOException e) {
            // Jackson wraps what a value's reading threw (with the path to it): the stream's own refusal goes on as it is
            Throwable fatal = fatal(e);
            if (fatal instanceof ProblemException refused) {
                throw refused;
            }
            if (fatal != null || !(e instanceof JsonProcessingException mapping)) {
                violations.add(i, "", unreadable(fatal != null ? (Exception) fatal : e));
                return false;
            }
            Problem unreadable = (Problem) problems.unreadable(mapping).getEntity();
            unreadable.violations().forEach(v -> violations.add(i, v));
            return resync(p, array, i, violations);
        }
        List<Violation> own = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(r)) {
            own.add(new Violation(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (own.isEmpty()) {
            own.addAll(rule.check(i, r));
        }
        own.stream().sorted(java.util.Comparator.comparing(Violation::field)).forEach(v -> violations.add(i, v));
        rows.add(r);
        return true;
    }

    /**
     * What in {@code e}'s causes stops the reading: the stream's 413, JSON that is not well formed, a value or a row
     * beyond the limits; null for a value that only does not fit the row's record.
     */
    private static Throwable fatal(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ProblemException || c instanceof RowTooLarge || c instanceof StreamReadException
                    || c instanceof StreamConstraintsException) {
                return c;
            }
        }
        return null;
    }

    private static JsonToken start(CountedParser p) {
        try {
            return p.nextToken();
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "not JSON: " + unreadable(e));
        }
    }

    /** The next token at the level of the rows; null when reading must stop (the reason added to the violations). */
    private static JsonToken next(CountedParser p, int i, RowViolations violations) {
        try {
            p.startRow();
            JsonToken t = p.nextToken();
            if (t == null) {
                violations.add(i, "", "the body ends before the array of rows is closed");
            }
            return t;
        } catch (IOException e) {
            violations.add(i, "", unreadable(e));
            return null;
        }
    }

    /** Nothing may follow the array. */
    private static void trailing(CountedParser p) {
        try {
            if (p.nextToken() != null) {
                throw ProblemException.badRequest("body", "there is more after the array of rows; send one array");
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "there is more after the array of rows, and it is not JSON");
        }
    }

    private static boolean skip(CountedParser p, int i, RowViolations violations) {
        try {
            p.skipChildren();
            return true;
        } catch (IOException e) {
            violations.add(i, "", unreadable(e));
            return false;
        }
    }

    /** After a row whose values did not fit its record: on to the end of that row, to read the next one. */
    private static boolean resync(CountedParser p, JsonStreamContext array, int i, RowViolations violations) {
        try {
            while (p.getParsingContext() != array) {
                if (p.nextToken() == null) {
                    violations.add(i, "", "the body ends inside this row");
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            violations.add(i, "", unreadable(e));
            return false;
        }
    }

    private static String unreadable(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (e instanceof RowTooLarge) {
            return message;
        }
        return "not well-formed JSON (" + (message == null ? e.getClass().getSimpleName() : message.lines().findFirst()
                .orElse("")) + "); the rest of the body was not read";
    }

    /** A row larger than one record may be. */
    static final class RowTooLarge extends JsonProcessingException {
        RowTooLarge(String message) {
            super(message);
        }
    }

    /** The parser, counting the tokens and nested objects of the row being read and of the whole batch. */
    static final class CountedParser extends JsonParserDelegate {
        private int tokens;
        private int nested;
        private int nestedInBatch;

        CountedParser(JsonParser parser) {
            super(parser);
        }

        void startRow() {
            tokens = 0;
            nested = 0;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return counted(super.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return counted(super.nextValue());
        }

        private JsonToken counted(JsonToken t) throws RowTooLarge {
            if (++tokens > MAX_ROW_TOKENS) {
                throw new RowTooLarge("the row has more than " + MAX_ROW_TOKENS + " JSON tokens: a row is one record; the rest "
                        + "of the body was not read");
            }
            if (t == JsonToken.START_OBJECT && tokens > 1) {
                if (++nested > MAX_NESTED_PER_ROW) {
                    throw new RowTooLarge("the row holds more than " + MAX_NESTED_PER_ROW + " records (such as leaders): send "
                            + "them apart; the rest of the body was not read");
                }
                if (++nestedInBatch > MAX_NESTED) {
                    throw new RowTooLarge("the rows hold more than " + MAX_NESTED + " records (such as leaders) in all: send "
                            + "the batch in parts; the rest of the body was not read");
                }
            }
            return t;
        }
    }
}
