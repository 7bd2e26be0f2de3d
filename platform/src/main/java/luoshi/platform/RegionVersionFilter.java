package luoshi.platform;

import luoshi.api.region.RegionFeed;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Read your writes across services (API.md): every answer to a compliance read ({@code GET
 * /internal/v1/compliance/regions/…}) says, in {@value RegionFeed#VERSION_HEADER}, the version of the regions it was
 * computed from: org-service's feed, or a service's copy of it. A service's {@code @Provider} subclass finds that
 * version before the evaluation, on the worker thread (the compliance methods are blocking, and so are their request
 * filters), and may first catch up to {@value RegionFeed#MIN_VERSION_HEADER}.
 */
public abstract class RegionVersionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PATH = "internal/v1/compliance/regions/";
    private static final String PROPERTY = "luoshi.region-version";

    /** The version this compliance read is answered from, null when there is none to say. */
    protected abstract Long version(ContainerRequestContext request);

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if ("GET".equals(request.getMethod()) && (path.startsWith(PATH) || path.startsWith("/" + PATH))) {
            Long version = version(request);
            if (version != null) {
                request.setProperty(PROPERTY, version);
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object version = request.getProperty(PROPERTY);
        if (version != null) {
            response.getHeaders().putSingle(RegionFeed.VERSION_HEADER, version.toString());
        }
    }
}
