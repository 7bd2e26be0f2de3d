package luoshi.review.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jakarta.ws.rs.client.ClientRequestFilter;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.region.RegionFeed;
import luoshi.platform.ServiceUrls;
import luoshi.replica.RegionReplica;
import luoshi.review.config.ReminderConfig;
import luoshi.security.ServiceTokens;
import org.jboss.logging.Logger;

/**
 * The owners the reminder job reads: org- and funding-service over HTTP (a client built from the
 * shared {@link ComplianceSource} interface), and every local {@link OpenItemSource} bean (this
 * service's own requirements, read from its own database). The remote calls carry this service's
 * own token (role {@code service}): the owners' open-items endpoints answer no one else.
 * <p>
 * Read your writes across services (API.md) holds for the jobs as for the gateway: a job first brings this service's
 * copy of the regions up to org-service's feed ({@link #current()}), and every remote call asks the owner to hold at
 * least the copy's version ({@value RegionFeed#MIN_VERSION_HEADER}), so a region created before the run is in every
 * owner's answer.
 */
@ApplicationScoped
public class OpenItemSources {

    private static final Logger LOG = Logger.getLogger(OpenItemSources.class);

    private final ServiceUrls urls;
    private final ReminderConfig config;
    private final Instance<OpenItemSource> local;
    private final ServiceTokens tokens;
    private final RegionReplica replica;
    private final ObjectMapper json;

    private volatile List<OpenItemSource> all;

    OpenItemSources(ServiceUrls urls, ReminderConfig config, Instance<OpenItemSource> local, ServiceTokens tokens,
            RegionReplica replica, ObjectMapper json) {
        this.urls = urls;
        this.config = config;
        this.local = local;
        this.tokens = tokens;
        this.replica = replica;
        this.json = json;
    }

    /**
     * The owners, once this service's copy of the regions holds every change of org-service's feed so far: a job's run
     * sees every region written before it started. When the feed cannot be read the owners are answered as they are
     * (org-service's own rollup then fails too, and the run says so).
     */
    public List<OpenItemSource> current() {
        if (replica.enabled()) {
            try {
                replica.sync();
            } catch (RuntimeException e) {
                LOG.warnf("The copy of the regions could not catch up with org-service's feed: %s", e.getMessage());
            }
        }
        return all();
    }

    public List<OpenItemSource> all() {
        if (all == null) {
            List<OpenItemSource> sources = new ArrayList<>();
            sources.add(remote("org", urls.org()));
            sources.add(remote("funding", urls.funding()));
            local.forEach(sources::add);
            all = List.copyOf(sources);
        }
        return all;
    }

    /** Asks an owner to hold at least the regions of this service's copy (a version kept in memory: no query). */
    private ClientRequestFilter atLeastTheCopy() {
        return request -> {
            if (replica.enabled()) {
                request.getHeaders().putSingle(RegionFeed.MIN_VERSION_HEADER, Long.toString(replica.version()));
            }
        };
    }

    private RemoteOpenItems remote(String name, URI base) {
        return new RemoteOpenItems(name, client(base, ComplianceSource.class), client(base, RemoteOpenItems.Feed.class),
                json, config.pageSize());
    }

    private <T> T client(URI base, Class<T> api) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(base)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS)
                .register(tokens.filter())
                .register(atLeastTheCopy())
                .build(api);
    }
}
