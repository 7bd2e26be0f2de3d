package luoshi.platform;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import luoshi.api.common.Versioned;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one reader of {@code If-Match} (API.md, "Versions and ETags"; the grammar and the choices: {@link IfMatch}).
 * <p>
 * A service checks the precondition inside the write's transaction, with the stored row read under its lock and after
 * the caller was authorised (a 404 or 403 comes before a 412): {@link #check} answers 412 naming the current ETag when
 * the request's {@code If-Match} does not name the stored version, before anything is written. Without
 * {@code If-Match} nothing is checked: the write is still atomic, the row being locked for it. Outside a request (a
 * scheduled job) there is no precondition.
 * <p>
 * A malformed {@code If-Match} on a PUT, PATCH or DELETE is a 400 before the body is read, in every service and the
 * gateway ({@link #readable}).
 */
@ApplicationScoped
public class Preconditions {

    private static final Set<String> WRITES = Set.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    /** After authentication and the role check (priority {@code AUTHORIZATION}): a refused caller learns nothing more. */
    @ServerRequestFilter(priority = Priorities.USER)
    public void readable(ContainerRequestContext request) {
        List<String> lines = request.getHeaders().get(IfMatch.HEADER);
        if (lines != null && WRITES.contains(request.getMethod())) {
            IfMatch.parse(lines);
        }
    }

    /** The current request's {@code If-Match}, if it has one. */
    public Optional<IfMatch> ifMatch() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        List<String> lines = rc == null ? List.of() : rc.request().headers().getAll(IfMatch.HEADER);
        return lines.isEmpty() ? Optional.empty() : Optional.of(IfMatch.parse(lines));
    }

    /**
     * Refuses the write with 412 unless the request's {@code If-Match} (when it has one) names the version of
     * {@code current}, the stored resource read under the write's lock; {@code current} null: nothing is stored, which
     * no {@code If-Match} names ({@code *} included). {@code what} names the resource in the problem: "funding record
     * 1024".
     */
    public void check(String what, Versioned current) {
        ifMatch().ifPresent(ifMatch -> {
            if (current == null) {
                throw ProblemException.preconditionFailed("There is no " + what + ": If-Match names a version of something "
                        + "stored. Leave If-Match out to create it.", null);
            }
            String etag = ETags.of(current.version());
            if (!ifMatch.matches(etag)) {
                throw ProblemException.preconditionFailed("The " + what + " is at version " + etag + ", not "
                        + String.join(", ", ifMatch.tags()) + (ifMatch.weakOnly() ? " (a weak tag never matches: "
                        + "If-Match compares strongly)" : ": it was changed since you read it") + ". Nothing was written; "
                        + "read it again, then send If-Match: " + etag + ".", etag);
            }
        });
    }
}
