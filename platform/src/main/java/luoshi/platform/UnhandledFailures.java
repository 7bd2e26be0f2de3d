package luoshi.platform;

import luoshi.api.common.Problem;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * What fails below JAX-RS is a problem too (API.md, Conventions; issue #24: the gateway answered an
 * {@code OutOfMemoryError} with a 500 in {@code application/json}). {@link ProblemMappers} shapes what a resource
 * throws; what no mapper takes (an {@link Error}), what fails in a Vert.x handler (the limits, the management
 * interface's health and metrics) and what Quarkus refuses with a status (its body handler's 413) reaches the routers'
 * failure handlers, and Quarkus's own would answer in JSON or HTML with an error id. This one runs first, on the public
 * and the management router, and answers problem details whatever the request's {@code Accept}: the failure's status,
 * 500 for an exception (logged here, never shown: no class name reaches a caller).
 */
@ApplicationScoped
public class UnhandledFailures {

    private static final Logger LOG = Logger.getLogger(UnhandledFailures.class);

    void onPublicRouter(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(UnhandledFailures::fail);
    }

    void onManagementRouter(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).failureHandler(UnhandledFailures::fail);
    }

    static void fail(RoutingContext rc) {
        int status = rc.statusCode() >= 400 ? rc.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf(rc.failure(), "%s %s failed", rc.request().method(), rc.request().path());
        }
        if (rc.response().headWritten()) {
            rc.request().connection().close();   // half an answer is sent: the caller must not take it for whole
            return;
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        answer(rc, Problem.of(status, known == null ? "Error" : known.getReasonPhrase(),
                status >= 500 ? "The server could not answer." : "The request could not be processed."));
    }

    /** Ends the exchange with {@code problem} as its body, whatever was set before (an earlier type, a length). */
    static void answer(RoutingContext rc, Problem problem) {
        HttpServerResponse response = rc.response();
        problem = ProblemLanguage.in(problem, rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        response.headers().remove(HttpHeaders.CONTENT_LENGTH).remove(HttpHeaders.TRANSFER_ENCODING);
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
