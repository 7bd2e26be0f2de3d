package luoshi.gateway.requestid;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import luoshi.platform.IdempotencyKey;

/**
 * Passes the request id (so the services' logs name it too), the caller's token (so each service
 * checks it again), its {@code Cache-Control} (so no-cache reaches the services) and its {@code Idempotency-Key}
 * (so a retried write is answered by the service as the first) on every downstream call.
 */
public final class RequestIdPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        forward(request, RequestIds.HEADER, RequestIds.current());
        forward(request, HttpHeaders.AUTHORIZATION, RequestIds.authorization());
        forward(request, HttpHeaders.CACHE_CONTROL, RequestIds.cacheControl());
        forward(request, IdempotencyKey.HEADER, RequestIds.idempotencyKey());
    }

    private static void forward(ClientRequestContext request, String header, String value) {
        if (value != null) {
            request.getHeaders().putSingle(header, value);
        }
    }
}
