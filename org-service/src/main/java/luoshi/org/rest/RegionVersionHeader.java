package luoshi.org.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import luoshi.api.region.RegionFeed;
import luoshi.org.feed.RegionFeedService;

/**
 * Read your writes across services (API.md): org-service's answers to the gateway's compliance calls carry the
 * change feed's version read when the request arrived ({@value RegionFeed#VERSION_HEADER}), one primary-key read.
 * Every region or population write acknowledged before the gateway's request has a version up to it; the gateway asks
 * a read copy whose answer is older again, to catch up first.
 */
@Provider
public class RegionVersionHeader implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PATH = "internal/v1/compliance/regions/";
    private static final String PROPERTY = "luoshi.region-version";

    // a bean with a client proxy: providers are made when the application is built, before the datasource exists
    private final RegionFeedService feed;

    public RegionVersionHeader(RegionFeedService feed) {
        this.feed = feed;
    }

    // the compliance methods are blocking: their request filters run on the worker thread
    @Override
    public void filter(ContainerRequestContext request) {
        if (!isCompliance(request)) {
            return;
        }
        request.setProperty(PROPERTY, feed.version());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object version = request.getProperty(PROPERTY);
        if (version != null) {
            response.getHeaders().putSingle(RegionFeed.VERSION_HEADER, version.toString());
        }
    }

    static boolean isCompliance(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return (path.startsWith(PATH) || path.startsWith("/" + PATH)) && "GET".equals(request.getMethod());
    }
}
