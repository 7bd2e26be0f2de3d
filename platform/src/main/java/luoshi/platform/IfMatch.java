package luoshi.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of a request's {@code If-Match} header (RFC 9110, 13.1.1): {@code *}, or a list of entity tags, strong
 * ({@code "7"}) or weak ({@code W/"7"}), separated by commas (several header lines are one list). What Luoshi chose:
 * <ul>
 *   <li>the comparison is the strong one the RFC prescribes for If-Match: a weak tag never matches (the servers never
 *       send one), and the 412 says so;</li>
 *   <li>{@code *} matches any stored version, and nothing when the resource does not exist (a PUT that would create);</li>
 *   <li>a well-formed tag that is no version of ours ({@code "abc"}) matches nothing: 412;</li>
 *   <li>a header that is not this grammar (an unquoted {@code 7}, an unclosed quote, nothing at all) is a 400 naming
 *       {@code If-Match}: a precondition the server cannot read must not be taken as none.</li>
 * </ul>
 */
public record IfMatch(boolean any, List<String> tags) {

    public static final String HEADER = "If-Match";

    /** The header's value read; a 400 naming {@value #HEADER} when it is not the grammar of RFC 9110. */
    public static IfMatch parse(List<String> lines) {
        List<String> tags = new ArrayList<>();
        boolean any = false;
        for (String line : lines) {
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t' || c == ',') {
                    i++;   // white space and empty list elements (RFC 9110, 5.6.1)
                } else if (c == '*') {
                    any = true;
                    i = afterElement(line, i + 1);
                } else {
                    int start = i;
                    if (line.startsWith("W/", i)) {
                        i += 2;
                    }
                    if (i >= line.length() || line.charAt(i) != '"') {
                        throw malformed(line);
                    }
                    int close = i + 1;
                    while (close < line.length() && etagc(line.charAt(close))) {
                        close++;
                    }
                    if (close >= line.length() || line.charAt(close) != '"') {
                        throw malformed(line);
                    }
                    tags.add(line.substring(start, close + 1));
                    i = afterElement(line, close + 1);
                }
            }
        }
        if (any && !tags.isEmpty() || !any && tags.isEmpty()) {
            throw malformed(String.join(", ", lines));
        }
        return new IfMatch(any, List.copyOf(tags));
    }

    /** Whether {@code etag} (ours: strong, {@code "7"}) is one the header names, by the strong comparison. */
    public boolean matches(String etag) {
        return any || tags.contains(etag);
    }

    /** Whether the header names weak tags only (a 412 then says why they cannot match). */
    boolean weakOnly() {
        return !any && tags.stream().allMatch(t -> t.startsWith("W/"));
    }

    /** The index after an element and the white space that may follow it; a comma or the end must come next. */
    private static int afterElement(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i < line.length() && line.charAt(i) != ',') {
            throw malformed(line);
        }
        return i;
    }

    /** etagc = %x21 / %x23-7E / obs-text. */
    private static boolean etagc(char c) {
        return c == 0x21 || c >= 0x23 && c <= 0x7E || c >= 0x80 && c <= 0xFF;
    }

    private static ProblemException malformed(String value) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
        return ProblemException.badRequest(HEADER, "cannot read '" + shown + "': send * or entity tags such as \"7\" "
                + "(the ETag of the version you read, quotes included), separated by commas");
    }
}
