package luoshi.gateway.requestid;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Passes the request id to the services on every downstream call, so their logs name it too. */
public final class RequestIdPropagation implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        String id = RequestIds.current();
        if (id != null) {
            request.getHeaders().putSingle(RequestIds.HEADER, id);
        }
    }
}
