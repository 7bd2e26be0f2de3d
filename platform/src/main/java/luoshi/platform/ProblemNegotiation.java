package luoshi.platform;

import luoshi.api.common.Problem;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Errors are problem details whatever the request's {@code Accept} says (API.md, Conventions). A caller that
 * accepts {@code application/problem+json} accepts our JSON: generated clients send that {@code Accept} alone
 * for an operation whose success has no body (a 204 delete), and the error of any operation is
 * {@code application/problem+json}. Before the request is matched, such an {@code Accept} is widened with
 * {@code application/json}, so that the operation runs (and answers its 204, or its 400 as problem details)
 * where JAX-RS would refuse it with 406.
 *
 * <p>A {@code Content-Type} that is no media type ({@code Content-Type: } with nothing, {@code /json}) is a 415 problem
 * naming the header, before anything is matched: JAX-RS would fail parsing it while choosing among an operation's
 * media types (a 500).
 */
public class ProblemNegotiation {

    @ServerRequestFilter(preMatching = true)
    public void acceptJsonWithProblems(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(Problem.MEDIA_TYPE) && !accept.contains(MediaType.APPLICATION_JSON)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON + ";q=0.9");
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Response contentTypeIsAMediaType(ContainerRequestContext request, RoutingContext rc) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return null;
        }
        try {
            MediaType.valueOf(contentType);
            return null;
        } catch (RuntimeException notOne) {
            return BodyLimits.refusal(rc, Problem.of(415, "Unsupported Media Type",
                    "The Content-Type sent is no media type: send application/json (or text/csv, or the XLSX type, where the "
                    + "operation takes it). Nothing was read or done."));
        }
    }
}
