package luoshi.org.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import luoshi.platform.ProblemException;

/**
 * A small CSV file with a header line (RFC 4180: commas, double quotes, CRLF or LF, an optional
 * UTF-8 BOM). Values are trimmed; an empty value reads as null. Row 0 is the first after the header.
 */
public final class CsvTable {

    private final Map<String, Integer> columns = new HashMap<>();
    private final List<List<String>> rows;

    private CsvTable(List<String> header, List<List<String>> rows) {
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        this.rows = rows;
    }

    /**
     * Parses {@code text}; the header must hold every one of {@code required} and nothing outside
     * {@code required} and {@code optional}, else a 400 naming the header.
     */
    public static CsvTable parse(String text, List<String> required, List<String> optional) {
        List<List<String>> lines = split(text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (lines.isEmpty()) {
            throw ProblemException.badRequest("header", "the file is empty; the header must be " + String.join(",", required));
        }
        List<String> header = lines.get(0).stream().map(h -> h == null ? "" : h).toList();
        for (String h : header) {
            if (!required.contains(h) && !optional.contains(h)) {
                throw ProblemException.badRequest("header", "unknown column '" + h + "'; expected " + String.join(",", required)
                        + (optional.isEmpty() ? "" : " and optionally " + String.join(",", optional)));
            }
        }
        for (String r : required) {
            if (!header.contains(r)) {
                throw ProblemException.badRequest("header", "missing column '" + r + "'");
            }
        }
        List<List<String>> body = lines.subList(1, lines.size());
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).size() != header.size()) {
                throw ProblemException.badRequest("[" + i + "]", "has " + body.get(i).size() + " values, the header "
                        + header.size());
            }
        }
        return new CsvTable(header, body);
    }

    public int size() {
        return rows.size();
    }

    /** The value of {@code column} in row {@code row}, or null when empty or when the column is absent. */
    public String get(int row, String column) {
        Integer i = columns.get(column);
        return i == null ? null : rows.get(row).get(i);
    }

    private static List<List<String>> split(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    value.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                line.add(valueOf(value));
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !value.isEmpty()) {
                    line.add(valueOf(value));
                    lines.add(line);
                }
                line = new ArrayList<>();
                any = false;
            } else {
                value.append(ch);
            }
        }
        if (any || !value.isEmpty()) {
            line.add(valueOf(value));
            lines.add(line);
        }
        return lines;
    }

    private static String valueOf(StringBuilder value) {
        String v = value.toString().trim();
        value.setLength(0);
        return v.isEmpty() ? null : v;
    }
}
