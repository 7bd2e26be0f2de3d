package luoshi.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every error answer ({@code application/problem+json}).
 * {@code violations} names each invalid field of a rejected request; {@code etag}, an extension member of a 412, the
 * current ETag of the resource whose version the request's {@code If-Match} did not name (also in the answer's
 * {@code ETag} header), absent when the resource does not exist.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations,
        @Schema(description = "A 412's current ETag of the resource, as in the ETag header", example = "\"7\"") String etag) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {
        this(type, title, status, detail, instance, violations, null);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        return new Problem("about:blank", "Bad Request", 400, detail, null, List.copyOf(violations));
    }
}
