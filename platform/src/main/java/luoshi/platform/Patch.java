package luoshi.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import luoshi.api.common.PlainText;

/**
 * A PATCH body (API.md, "Corrections": the fields given are changed), in every service: the JSON object read as the
 * record of its fields ({@code fields}), and which fields it names. A field named with null differs from one left out:
 * {@link #nullable} takes the null (a tenure's end, a superior link, a document number), {@link #value} refuses it. An
 * unknown or unreadable field is a 400 naming it, as for any other body. Merge it onto the row read with its lock, so
 * that a concurrent PATCH of another field is kept (CONTRIBUTING, "Versions").
 */
public final class Patch<T> {

    private final ObjectNode body;
    private final T fields;

    private Patch(ObjectNode body, T fields) {
        this.body = body;
        this.fields = fields;
    }

    public static <T> Patch<T> read(ObjectMapper json, ObjectNode body, Class<T> type) {
        try {
            return new Patch<>(body, json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body));
        } catch (JsonProcessingException e) {
            throw ProblemMappers.unreadableBody(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the body names {@code field}, with a value or null. */
    public boolean names(String field) {
        return body.has(field);
    }

    /** The field's new value when the body names it, which must not be null (400 naming it), else {@code current}. */
    public <V> V value(String field, Function<T, V> given, V current) {
        if (!names(field)) {
            return current;
        }
        V value = given.apply(fields);
        if (value == null) {
            throw ProblemException.badRequest(field, "must not be null: leave the field out to keep its value");
        }
        return value;
    }

    /** The field's new value, null included, when the body names it, else {@code current}. */
    public <V> V nullable(String field, Function<T, V> given, V current) {
        return names(field) ? given.apply(fields) : current;
    }

    /** A name given or kept: not blank, at most {@code max} characters (as on create). */
    public static String name(String name, int max) {
        if (name.isBlank()) {
            throw ProblemException.badRequest("name", "must not be blank");
        }
        String problem = PlainText.Check.problem(name, false);
        if (problem != null) {
            throw ProblemException.badRequest("name", problem);
        }
        if (name.length() > max) {
            throw ProblemException.badRequest("name", "at most " + max + " characters");
        }
        return name;
    }
}
