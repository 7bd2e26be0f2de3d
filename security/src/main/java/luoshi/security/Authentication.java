package luoshi.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import luoshi.api.common.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every call of {@code /api/} and {@code /internal/} carries a valid bearer token (API.md,
 * Security): a token signed by the configured key ({@code mp.jwt.verify.publickey.location}), of the
 * configured issuer ({@code mp.jwt.verify.issuer}), not expired, and accepted by {@link TokenRules} (its audience,
 * not issued in the future, not living longer than allowed). Otherwise a 401 problem, before
 * anything else runs. Authentication is lazy ({@code quarkus.http.auth.proactive=false}) so that this
 * answer is problem details like every other refusal; {@code /q/} (health, OpenAPI, Swagger UI,
 * metrics) stays open.
 */
public class Authentication {

    private static final Logger LOG = Logger.getLogger(Authentication.class);

    private final CurrentIdentityAssociation identities;

    Authentication(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Uni<Response> requireToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.startsWith("/internal/")) {
            return Uni.createFrom().nullItem();
        }
        boolean presented = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        return identities.getDeferredIdentity()
                .map(identity -> {
                    if (identity.isAnonymous()) {
                        return unauthorized(presented ? "The Authorization header is not a bearer token."
                                : "This call needs a bearer token: Authorization: Bearer <JWT>.");
                    }
                    // resolved now: what reads it later (the token, Caller) gets it without waiting, on the I/O thread too
                    identities.setIdentity(identity);
                    return null;
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf(failure, "Bearer token refused on %s", path);
                    return unauthorized(refusal(failure));
                });
    }

    /** Why a token was refused: Luoshi's own rules say which; smallrye's reasons are told together. */
    private static String refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TokenRules.Refused refused) {
                return refused.getMessage();
            }
        }
        return "The bearer token is not valid: it is malformed, expired, of another issuer, or not signed by the"
                + " configured key.";
    }

    static Response unauthorized(String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "Unauthorized", detail)).build();
    }
}
