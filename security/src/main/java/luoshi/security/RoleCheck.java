package luoshi.security;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import luoshi.api.common.Problem;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import luoshi.platform.BodyLimits;
import luoshi.platform.ContractMethods;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The role before the body (API.md, "Bodies"): every call of {@code /api/} and {@code /internal/} is refused with a 403
 * problem when the caller's token lacks the role that the operation declares on the contract's interface
 * ({@link Requires}), before anything reads the body: a RESTEasy Reactive request filter runs after the method is matched
 * and before its body is read (the body is read by the resource's parameter, or by a filter that asks for it after this
 * one: the body limits, the idempotency key). So a viewer's 8 MB batch is a 403 with none of the body read, and the
 * connection is closed after the answer so that the rest is not read either. In every service and in the gateway,
 * whose routes implement the same interfaces. An operation that declares no role is refused to everyone: a forgotten
 * declaration fails closed (and {@code api}'s ContractOperationsTest finds it). What {@code Access} checks afterwards
 * needs the request's region.
 */
public class RoleCheck {

    private final Caller caller;

    RoleCheck(Caller caller) {
        this.caller = caller;
    }

    // after Authentication (a 401 for a missing or bad token), before BodyLimits and everything that reads the body
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response requireRole(ContainerRequestContext request, SimpleResourceInfo resource, RoutingContext rc) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.startsWith("/internal/")) {
            return null;
        }
        Requires requires = ContractMethods.annotation(resource, Requires.class);
        if (requires == null) {
            return refused(request, rc, "This operation declares no role, so nobody may call it.");
        }
        if (caller.has(requires.value())) {
            return null;
        }
        return refused(request, rc, "This call requires the role " + requires.value().group() + " (a token of "
                + including(requires.value()) + "); nothing was read or done.");
    }

    private static Response refused(ContainerRequestContext request, RoutingContext rc, String detail) {
        Problem problem = Problem.of(403, "Forbidden", detail);
        return BodyLimits.hasBody(request) ? BodyLimits.refusal(rc, problem)
                : Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The roles of people that include {@code needed}, for the answer and the OpenAPI documents: "operator or admin". */
    static String including(Role needed) {
        List<String> roles = Arrays.stream(Role.values()).filter(r -> r != Role.SERVICE && r.includes(needed))
                .map(Role::group).toList();
        if (roles.isEmpty()) {
            return "the services' own (no person's token)";
        }
        return roles.size() == 1 ? roles.get(0)
                : String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + roles.get(roles.size() - 1);
    }
}
