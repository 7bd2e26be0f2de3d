package luoshi.platform;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;
import java.lang.reflect.RecordComponent;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every 201 says where the created resource is (API.md, Conventions: a 201 has a {@code Location}), in every
 * service, for every create to come: a {@code POST} to a collection created the member {@code <collection>/<id>}
 * (the answer's {@code id}), a {@code PUT} created the resource at its own URL. A resource that sets its own
 * {@code Location} keeps it. The gateway relays the services' location with its own host.
 */
public class CreatedLocations {

    /**
     * Response filters run in descending priority: this one before those of priority {@code USER}, so that an answer
     * kept for its Idempotency-Key (module idempotency) is kept with its {@code Location}.
     */
    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void locateCreated(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 201 || response.getHeaders().containsKey(HttpHeaders.LOCATION)) {
            return;
        }
        UriBuilder location = request.getUriInfo().getAbsolutePathBuilder();
        if (HttpMethod.POST.equals(request.getMethod())) {
            Object id = idOf(response.getEntity());
            if (id == null) {
                return;
            }
            location.path(String.valueOf(id));
        }
        response.getHeaders().putSingle(HttpHeaders.LOCATION, location.build());
    }

    /** The {@code id} component of a record answered, or null. */
    static Object idOf(Object entity) {
        if (entity == null || !entity.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : entity.getClass().getRecordComponents()) {
            if (component.getName().equals("id")) {
                try {
                    return component.getAccessor().invoke(entity);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
