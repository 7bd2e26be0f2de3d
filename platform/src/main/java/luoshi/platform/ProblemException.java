package luoshi.platform;

import luoshi.api.common.Problem;
import luoshi.api.common.Violation;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The one exception a service throws for an answer that is not a success: it carries the problem
 * details body and its status. It is a {@link WebApplicationException}, so it keeps its answer
 * wherever JAX-RS sees it (parameter converters included). Use the factories, so that statuses
 * mean the same everywhere (API.md: bad input 400, unknown 404, conflicting write 409).
 */
public class ProblemException extends WebApplicationException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, response(problem));
        this.problem = problem;
    }

    /** The answer of a problem: its status, problem details, and a 412's current tag in {@code ETag} too. */
    static Response response(Problem problem) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.etag() != null) {
            answer.header(HttpHeaders.ETAG, problem.etag());
        }
        return answer.build();
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String message) {
        return badRequest(List.of(new Violation(field, message)));
    }

    public static ProblemException badRequest(List<Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " invalid fields: " + String.join(", ",
                        violations.stream().map(Violation::field).distinct().toList());
        return new ProblemException(Problem.invalid(detail, violations));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not Found", what));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    /**
     * 412: the request's {@code If-Match} does not name the stored version ({@link Preconditions#check}); {@code etag}
     * is the current one (null when nothing is stored), in the problem and in the answer's {@code ETag}.
     */
    public static ProblemException preconditionFailed(String detail, String etag) {
        return new ProblemException(new Problem("about:blank", "Precondition Failed", 412, detail, null, List.of(), etag));
    }
}
