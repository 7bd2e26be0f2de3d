package luoshi.gateway.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.region.RegionFeed;

/**
 * The region versions of one downstream call (API.md, read your writes across services): the version of the regions
 * the answer was computed from ({@value RegionFeed#VERSION_HEADER}: org-service's feed, or a service's copy of it),
 * and, on a second ask, the version the service must catch up to first ({@value RegionFeed#MIN_VERSION_HEADER}). A
 * call is {@link #tracked}: its exchange is found by the request filter on the caller's thread (a client's request
 * filters run while the call is made) and kept as a property of the request for the response filter.
 */
final class RegionVersions implements ClientRequestFilter, ClientResponseFilter {

    private static final String PROPERTY = "luoshi.region-versions";
    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    /**
     * A value, the region version it was computed from (null: the service did not say) and the version of the answers
     * about its region's subtree ({@value ComplianceSource#ANSWER_VERSION_HEADER}; null: not said).
     */
    record Versioned<T>(T value, Long version, String answerVersion) {
    }

    private static final class Exchange {
        final Long min;
        volatile Long version;
        volatile String answerVersion;

        Exchange(Long min) {
            this.min = min;
        }
    }

    /** {@code call}, asking for at least {@code min} (null: any), and answering its value with the version it says. */
    static <A, T> Function<A, CompletionStage<Versioned<T>>> tracked(Function<A, CompletionStage<T>> call, Long min) {
        return api -> {
            Exchange exchange = new Exchange(min);
            CompletionStage<T> answer;
            CURRENT.set(exchange);
            try {
                answer = call.apply(api);
            } finally {
                CURRENT.remove();
            }
            return answer.thenApply(value -> new Versioned<>(value, exchange.version, exchange.answerVersion));
        };
    }

    @Override
    public void filter(ClientRequestContext request) {
        Exchange exchange = CURRENT.get();
        if (exchange != null) {
            request.setProperty(PROPERTY, exchange);
            if (exchange.min != null) {
                request.getHeaders().putSingle(RegionFeed.MIN_VERSION_HEADER, exchange.min.toString());
            }
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof Exchange exchange) {
            exchange.answerVersion = response.getHeaderString(ComplianceSource.ANSWER_VERSION_HEADER);
            String version = response.getHeaderString(RegionFeed.VERSION_HEADER);
            if (version != null) {
                try {
                    exchange.version = Long.valueOf(version.trim());
                } catch (NumberFormatException e) {
                    // not a version: as if the service said none
                }
            }
        }
    }
}
