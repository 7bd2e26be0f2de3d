package luoshi.platform;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;

/** Which exchanges are writes that succeeded: what a write's answer headers (a data version, a consistency token) go on. */
public final class Writes {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private Writes() {
    }

    /** A POST, PUT, PATCH or DELETE (any method but a read) answered with a 2xx. */
    public static boolean succeeded(ContainerRequestContext request, ContainerResponseContext response) {
        return !READS.contains(request.getMethod()) && response.getStatus() >= 200 && response.getStatus() < 300;
    }
}
