package luoshi.replica;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;
import luoshi.platform.ProblemException;
import luoshi.api.region.RegionFeed;

/**
 * Read your writes across services (API.md), on the side of a read copy: a compliance call that carries
 * {@value RegionFeed#MIN_VERSION_HEADER} is answered after the copy has caught up to that version (the gateway asks
 * so when org-service's answer to the same read had a newer feed version than this copy's); every compliance answer
 * says the copy's version it was computed from, in {@value RegionFeed#VERSION_HEADER} (read before the evaluation:
 * the answer holds at least that version). Costs nothing when the copy is current: the version is kept in memory.
 */
@Provider
public class RegionVersionFilter extends luoshi.platform.RegionVersionFilter {

    // a bean with a client proxy: providers are made when the application is built, before the configuration is read
    private final RegionReplica replica;

    public RegionVersionFilter(RegionReplica replica) {
        this.replica = replica;
    }

    @Override
    protected Long version(ContainerRequestContext request) {
        if (!replica.enabled()) {
            return null;
        }
        String min = request.getHeaderString(RegionFeed.MIN_VERSION_HEADER);
        if (min != null) {
            long version;
            try {
                version = Long.parseLong(min.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest(RegionFeed.MIN_VERSION_HEADER, "must be a whole number");
            }
            replica.catchUp(version);   // on the worker thread: the compliance methods are blocking
        }
        return replica.version();
    }
}
