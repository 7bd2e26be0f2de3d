package luoshi.review.service;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import luoshi.api.compliance.ComplianceSource;
import luoshi.platform.ServiceUrls;
import luoshi.review.config.ReminderConfig;
import luoshi.security.ServiceTokens;

/**
 * The owners the reminder job reads: org- and funding-service over HTTP (a client built from the
 * shared {@link ComplianceSource} interface), and every local {@link OpenItemSource} bean (this
 * service's own requirements, read from its own database). The remote calls carry this service's
 * own token (role {@code service}): the owners' open-items endpoints answer no one else.
 */
@ApplicationScoped
public class OpenItemSources {

    private final ServiceUrls urls;
    private final ReminderConfig config;
    private final Instance<OpenItemSource> local;
    private final ServiceTokens tokens;

    private volatile List<OpenItemSource> all;

    OpenItemSources(ServiceUrls urls, ReminderConfig config, Instance<OpenItemSource> local, ServiceTokens tokens) {
        this.urls = urls;
        this.config = config;
        this.local = local;
        this.tokens = tokens;
    }

    public List<OpenItemSource> all() {
        if (all == null) {
            List<OpenItemSource> sources = new ArrayList<>();
            sources.add(new RemoteOpenItems("org", client(urls.org()), config.pageSize()));
            sources.add(new RemoteOpenItems("funding", client(urls.funding()), config.pageSize()));
            local.forEach(sources::add);
            all = List.copyOf(sources);
        }
        return all;
    }

    private ComplianceSource client(URI base) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(base)
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS)
                .register(tokens.filter())
                .build(ComplianceSource.class);
    }
}
