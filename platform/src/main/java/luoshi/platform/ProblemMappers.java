package luoshi.platform;

import luoshi.api.common.Problem;
import luoshi.api.common.Violation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem details (API.md, Conventions). Bad input names the
 * field; nothing internal (class names, SQL) ever reaches the caller.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(WebApplicationException e) {
        if (e instanceof ProblemException p) {
            return respond(p.problem());
        }
        Response r = e.getResponse();
        int status = r == null ? 500 : r.getStatus();
        if (r != null && r.hasEntity() && r.getEntity() instanceof Problem problem) {
            return respond(problem);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(Problem.of(status, Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), "The server could not answer."));
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        return respond(Problem.of(status, title, detailFor(status)));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<Violation> list = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            list.add(new Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        list.sort(Comparator.comparing(Violation::field));
        return respond(ProblemException.badRequest(list).problem());
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, JsonMappingException.class})
    public Response unreadable(JsonProcessingException e) {
        return respond(unreadableBody(e).problem());
    }

    /** The 400 of a body that cannot be read, naming the field (a PATCH reads its body itself: the same answer). */
    public static ProblemException unreadableBody(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = sb.isEmpty() ? "body" : sb.toString();
        }
        String message = e instanceof InvalidFormatException f && f.getTargetType() != null
                ? "cannot read " + quote(f.getValue()) + " as " + describe(f.getTargetType())
                : e instanceof UnrecognizedPropertyException ? "unknown field"
                : "malformed JSON or a value of the wrong type";
        return ProblemException.badRequest(field, message);
    }

    /**
     * Anything else, an {@link Error} included: a JVM that runs out of memory exits ({@code -XX:+ExitOnOutOfMemoryError},
     * deploy/), but an {@code OutOfMemoryError} that does reach here (the tests' JVMs, an array too large for the VM) is
     * a 500 problem like any other failure.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "Internal Server Error", "The server could not answer."));
    }

    /** {@code create.body.rows[3].amount} → {@code rows[3].amount}; {@code list.size} → {@code size}. */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder sb = new StringBuilder();
        boolean beanProperties = nodes.stream().anyMatch(n -> n.getKind() == ElementKind.PROPERTY
                || n.getKind() == ElementKind.CONTAINER_ELEMENT || n.isInIterable());
        for (Path.Node n : nodes) {
            ElementKind kind = n.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.BEAN
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER && beanProperties) {
                continue;   // the body parameter itself: name its fields, not "body"
            }
            if (n.isInIterable()) {
                sb.append('[').append(n.getIndex() != null ? n.getIndex() : n.getKey()).append(']');
            }
            if (n.getName() != null && !n.getName().startsWith("<")) {
                if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '.') {
                    sb.append('.');
                }
                sb.append(n.getName());
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type cannot be produced.";
            case 415 -> "This content type is not accepted here.";
            case 401 -> "Authentication is required.";
            case 403 -> "Not allowed.";
            default -> "The request could not be processed.";
        };
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "BigDecimal" -> "an amount";
            case "int", "Integer", "long", "Long" -> "a whole number";
            default -> type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : type.getSimpleName();
        };
    }

    private static String quote(Object value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private static Response respond(Problem p) {
        return ProblemException.response(p);
    }
}
