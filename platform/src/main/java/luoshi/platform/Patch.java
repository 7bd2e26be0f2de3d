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
        sound(body);
        try {
            return new Patch<>(body, json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body));
        } catch (JsonProcessingException e) {
            throw ProblemMappers.unreadableBody(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body as sent, refused (400 naming the field) when a text in it holds a lone surrogate: a body read as a tree
     * (a PATCH, a rule's parameters) is no record whose fields Bean Validation checks, and such a text cannot be written
     * on as UTF-8 (the gateway would pass a {@code ?} on, and the service store it).
     */
    public static ObjectNode sound(ObjectNode body) {
        if (body != null) {
            sound(body, "");
        }
        return body;
    }

    private static void sound(com.fasterxml.jackson.databind.JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw ProblemException.badRequest(path, "must not hold a lone surrogate (at character " + i
                            + "): send valid UTF-16/UTF-8");
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> sound(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                sound(node.get(i), path + "[" + i + "]");
            }
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
