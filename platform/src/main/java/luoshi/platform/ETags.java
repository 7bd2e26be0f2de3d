package luoshi.platform;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import luoshi.api.common.Versioned;
import luoshi.api.compliance.Requirement;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code ETag: "<version>"} on every answer of a GET of one, a PUT, a PATCH or a transition (a POST answering 200)
 * whose body is a {@link Versioned}
 * resource (API.md, "Versions and ETags"), in every service and, unchanged, in the gateway: it relays the services'
 * records, so it answers the same tag from the same version. Lists ({@code Page}) carry the version in each item and
 * no tag. A 412 carries the current tag too ({@link ProblemException#preconditionFailed}). A {@link Requirement} is
 * tagged by its {@code revision}, which counts its writes (its {@code version} names the rules in force).
 */
public class ETags {

    private static final Set<String> TAGGED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.PATCH);

    /** The strong entity tag of a version: {@code "7"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        // a POST answering 200 with a versioned resource made a transition of it (a rectification's submit, verify or
        // reject: API.md, "Rectification"); a 201 is a creation, whose version is 1
        boolean transition = HttpMethod.POST.equals(request.getMethod()) && response.getStatus() == 200;
        if (response.getStatus() / 100 != 2 || !(TAGGED.contains(request.getMethod()) || transition)
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        if (response.getEntity() instanceof Versioned resource) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, of(resource.version()));
        } else if (response.getEntity() instanceof Requirement r && r.revision() != null
                && !HttpMethod.PATCH.equals(request.getMethod())) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, of(r.revision()));
        }
    }
}
