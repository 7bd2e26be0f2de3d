package luoshi.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement or a piece of one: SQL text written in the code, with {@code :name} parameters, and the values bound to
 * them. A value never becomes part of the text: each {@code :name} turns into JDBC placeholders when the statement
 * runs ({@link Database}). Three kinds of value:
 * <ul>
 *   <li>a plain value (a string, a number, a date, an enum, which binds by name, or {@code null}): one {@code ?};</li>
 *   <li>a {@link Collection}: {@code ?,?,?}, for {@code IN (:codes)} (an empty one binds a single {@code NULL}, so
 *       that {@code IN (:codes)} matches nothing);</li>
 *   <li>another {@code Sql}: its text in place, with its own values, so that a statement is put together from pieces
 *       (a rule's facts inside the framework's rollup) without the pieces' parameter names ever clashing.</li>
 * </ul>
 * Immutable: {@link #bind} answers a new piece. Text outside string literals, quoted names and comments
 * ({@code /* … *}{@code /}, {@code #} and {@code -- } to the end of the line) is scanned for parameters; {@code ::} and
 * {@code :=} are left alone, and a bare {@code ?} there is refused (it would shift the bound values).
 */
public final class Sql {

    private static final Object UNBOUND = new Object();

    /** The text split at its parameters: text, name, text, name, …, text. */
    private final List<String> parts;
    private final Map<String, Object> values;

    private Sql(List<String> parts, Map<String, Object> values) {
        this.parts = parts;
        this.values = values;
    }

    /** A piece of SQL with {@code :name} parameters, none bound yet. */
    public static Sql of(String text) {
        return new Sql(split(text), Map.of());
    }

    /** The same piece with {@code name} bound to {@code value} (see the class comment for the kinds of value). */
    public Sql bind(String name, Object value) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("no parameter :" + name + " in " + this);
        }
        Map<String, Object> v = new HashMap<>(values);
        v.put(name, value == null ? NullValue.INSTANCE : value);
        return new Sql(parts, v);
    }

    /** {@code pieces} one after another, {@code separator} (text written in the code) between them. */
    public static Sql join(String separator, List<Sql> pieces) {
        if (split(separator).size() != 1) {
            throw new IllegalArgumentException("a separator has no parameters: " + separator);
        }
        List<String> parts = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                text.append(separator);
            }
            String name = "p" + i;
            parts.add(text.toString());
            parts.add(name);
            values.put(name, pieces.get(i));
            text.setLength(0);
        }
        parts.add(text.toString());
        return new Sql(parts, values);
    }

    /** The parameter names, in the order they occur (a name used twice occurs twice). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        return names;
    }

    /** The JDBC text, with {@code ?} for every value; {@code out} receives the values in their order. */
    String render(List<Object> out) {
        StringBuilder sb = new StringBuilder();
        render(sb, out);
        return sb.toString();
    }

    private void render(StringBuilder sb, List<Object> out) {
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                sb.append(parts.get(i));
                continue;
            }
            Object value = values.getOrDefault(parts.get(i), UNBOUND);
            if (value == UNBOUND) {
                throw new IllegalStateException("parameter :" + parts.get(i) + " is not bound in " + this);
            }
            if (value instanceof Sql piece) {
                piece.render(sb, out);
            } else if (value instanceof Collection<?> list) {
                if (list.isEmpty()) {
                    sb.append("NULL");
                }
                int n = 0;
                for (Object item : list) {
                    sb.append(n++ == 0 ? "?" : ",?");
                    out.add(jdbcValue(item));
                }
            } else {
                sb.append('?');
                out.add(value == NullValue.INSTANCE ? null : jdbcValue(value));
            }
        }
    }

    private static Object jdbcValue(Object value) {
        return value instanceof Enum<?> e ? e.name() : value;
    }

    /** The text with its parameter names, for messages and logs (values are not shown). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Object v = i % 2 == 1 ? values.get(parts.get(i)) : null;
            sb.append(i % 2 == 0 ? parts.get(i) : v instanceof Sql piece ? piece.toString() : ":" + parts.get(i));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sql s && s.parts.equals(parts) && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parts, values);
    }

    private enum NullValue { INSTANCE }

    /** Splits text at its {@code :name} parameters, skipping literals, quoted names and comments. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(text, i, c);
                current.append(text, i, end);
                i = end;
            } else if (c == '#' || c == '-' && text.startsWith("--", i)
                    && (i + 2 == n || Character.isWhitespace(text.charAt(i + 2)) || Character.isISOControl(text.charAt(i + 2)))) {
                // MariaDB's line comments: '#', and '--' followed by white space or a control character ("a--1" is a - -1)
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(text, i, end);
                i = end;
            } else if (c == '?') {
                // a bare placeholder would take the place of a bound value: every value is a :name
                throw new IllegalArgumentException("a ? outside a literal in SQL (bind a :name instead): " + text);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(text, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(text.charAt(i + 1))
                    && (i == 0 || text.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                parts.add(current.toString());
                parts.add(text.substring(i + 1, end));
                current.setLength(0);
                i = end;
            } else {
                current.append(c);
                i++;
            }
        }
        parts.add(current.toString());
        return List.copyOf(parts);
    }

    /** The index after the quote that closes the one at {@code start} (doubled quotes and backslashes escape). */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unclosed " + quote + " in SQL: " + text);
    }
}
