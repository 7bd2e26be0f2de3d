package luoshi.gateway.client;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The HTTP request being served on this thread, where there is one. */
public final class CurrentRequest {

    private CurrentRequest() {
    }

    public static Optional<RoutingContext> get() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        try (InstanceHandle<CurrentVertxRequest> request = Arc.container().instance(CurrentVertxRequest.class)) {
            return Optional.ofNullable(request.get().getCurrent());
        }
    }
}
