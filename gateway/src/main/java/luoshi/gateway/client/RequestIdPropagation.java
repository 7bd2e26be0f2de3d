package luoshi.gateway.client;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import luoshi.platform.IdempotencyKey;
import luoshi.platform.IfMatch;

/**
 * Passes the request id (so the services' logs name it too), the caller's token (so each service
 * checks it again), its {@code Cache-Control} (so no-cache reaches the services), its {@code Idempotency-Key}
 * (so a retried write is answered by the service as the first) and its {@code If-Match} (so the service writes only
 * the version the caller read) on every downstream call; and passes the service's
 * {@code Idempotent-Replayed: true} on to the caller (API.md, Idempotency replays), whatever the gateway's answer is
 * rebuilt from (a {@code RestResponse}, or a plain value such as a batch's counts). The services' {@code ETag} needs
 * no relaying: the gateway answers the same records, which {@link luoshi.platform.ETags} tags alike.
 */
public final class RequestIdPropagation implements ClientRequestFilter, ClientResponseFilter {

    private static final String CALLER = RequestIdPropagation.class.getName() + ".caller";

    @Override
    public void filter(ClientRequestContext request) {
        forward(request, RequestIds.HEADER, RequestIds.current());
        forward(request, HttpHeaders.AUTHORIZATION, RequestIds.authorization());
        forward(request, HttpHeaders.CACHE_CONTROL, RequestIds.cacheControl());
        String key = RequestIds.idempotencyKey();
        forward(request, IdempotencyKey.HEADER, key);
        forward(request, IfMatch.HEADER, RequestIds.ifMatch());
        if (key != null) {
            // found on the caller's thread (a client's request filters run while the call is made), used on the answer's
            RequestIds.callersRequest().ifPresent(caller -> request.setProperty(CALLER, caller));
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (request.getProperty(CALLER) instanceof RoutingContext caller
                && "true".equalsIgnoreCase(response.getHeaderString(IdempotencyKey.REPLAYED))) {
            try {
                if (!caller.response().headWritten()) {
                    caller.response().putHeader(IdempotencyKey.REPLAYED, "true");
                }
            } catch (IllegalStateException e) {
                // the caller was answered already (its timeout): nothing to add to
            }
        }
    }

    private static void forward(ClientRequestContext request, String header, String value) {
        if (value != null) {
            request.getHeaders().putSingle(header, value);
        }
    }
}
