package luoshi.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, the body of every error answer ({@code application/problem+json}).
 * {@code violations} names each invalid field of a rejected request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        return new Problem("about:blank", "Bad Request", 400, detail, null, List.copyOf(violations));
    }
}
