package luoshi.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV text (RFC 4180: commas, double quotes, CRLF or LF, an optional UTF-8 BOM), read one at a time
 * from a stream, never the whole text. Values are trimmed; an empty value reads as null; a line with nothing on it is
 * skipped. A value longer than {@code maxValue} characters, or a record of more than {@code maxValues} values, is refused
 * as soon as it is seen ({@link TooLong}), so that a record can cost no more than that in memory. Text that is not UTF-8
 * is refused ({@link CharacterCodingException}).
 */
final class CsvLines {

    /** A value or a record over its limit: the reading stops. */
    static final class TooLong extends IOException {
        TooLong(String message) {
            super(message);
        }
    }

    private final Reader in;
    private final int maxValue;
    private final int maxValues;
    private final char[] buffer = new char[8192];
    private int at;
    private int end;
    private boolean first = true;

    CsvLines(InputStream body, int maxValue, int maxValues) {
        this.in = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.maxValue = maxValue;
        this.maxValues = maxValues;
    }

    /** The next record, or null at the end of the text. */
    List<String> next() throws IOException {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int ch = read(); ch >= 0; ch = read()) {
            if (quoted) {
                if (ch == '"' && peek() == '"') {
                    read();
                    append(value, '"');
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    append(value, (char) ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                add(values, value);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peek() == '\n') {
                    read();
                }
                if (any || !value.isEmpty()) {
                    add(values, value);
                    return values;
                }
            } else {
                append(value, (char) ch);
            }
        }
        if (any || !value.isEmpty()) {
            add(values, value);
            return values;
        }
        return null;
    }

    private void append(StringBuilder value, char ch) throws TooLong {
        if (value.length() >= maxValue) {
            throw new TooLong("a value has more than " + maxValue + " characters");
        }
        value.append(ch);
    }

    private void add(List<String> values, StringBuilder value) throws TooLong {
        if (values.size() >= maxValues) {
            throw new TooLong("more than " + maxValues + " values");
        }
        String v = value.toString().trim();
        value.setLength(0);
        values.add(v.isEmpty() ? null : v);
    }

    private int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[at++];
    }

    private int peek() throws IOException {
        return fill() ? buffer[at] : -1;
    }

    private boolean fill() throws IOException {
        while (at >= end) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            at = 0;
            end = n;
            if (first && n > 0) {
                first = false;
                if (buffer[0] == '\uFEFF') {
                    at = 1;
                }
            }
        }
        return true;
    }
}
