package luoshi.gateway.requestid;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Passes the request id (so the services' logs name it too), the caller's token (so each service
 * checks it again) and its {@code Cache-Control} (so no-cache reaches the services) on every downstream call.
 */
public final class RequestIdPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        String id = RequestIds.current();
        if (id != null) {
            request.getHeaders().putSingle(RequestIds.HEADER, id);
        }
        String authorization = RequestIds.authorization();
        if (authorization != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
        }
        String cacheControl = RequestIds.cacheControl();
        if (cacheControl != null) {
            request.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
    }
}
