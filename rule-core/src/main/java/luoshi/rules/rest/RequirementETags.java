package luoshi.rules.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import luoshi.api.compliance.Requirement;
import luoshi.platform.ETags;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code ETag: "<revision>"} on the answer of a GET or PUT of one requirement (API.md, "Versions and ETags"). The
 * platform's {@link ETags} tags the answers that carry their version as {@code version}; a requirement's
 * {@code version} names the rules in force, and its writes are counted in {@code revision} instead
 * ({@link Requirement}), which {@link luoshi.rules.catalog.RequirementWrites#change} checks {@code If-Match} against.
 */
public class RequirementETags {

    private static final Set<String> TAGGED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT);

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() / 100 == 2 && response.getEntity() instanceof Requirement r && r.revision() != null
                && TAGGED.contains(request.getMethod()) && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, ETags.of(r.revision()));
        }
    }
}
