package luoshi.platform;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import luoshi.api.common.Bulk;
import luoshi.api.common.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The bytes a body may have, per operation (API.md, "Bodies"): a bulk body ({@link Bulk} on the contract's method) at
 * most its {@link Bulk#bytes}, every other body {@link Bulk#OTHER_BYTES}. A body that declares more
 * ({@code Content-Length}) is a 413 problem before a byte of it is read; one that does not say (chunked) is counted as
 * it is read, and refused with a 413 problem as soon as it passes the limit, the rest unread. Either way nothing of the
 * request is done, and the connection is closed after the answer (the rest of the body is not read). It runs after the
 * role is checked ({@code security}'s {@code RoleCheck}) and before anything reads the body (the idempotency filter, the
 * resource). {@code quarkus.http.limits.max-body-size} ({@link Bulk#MAX_BYTES} in the services) caps every one of these
 * limits: an operation's limit above it counts as that setting.
 *
 * <p>Whoever reads a body must not close its stream: closing a request's stream reads the rest of it (Quarkus's
 * {@code VertxInputStream}), which a refusal must not wait for.
 */
public class BodyLimits {

    /** After the role check ({@link Priorities#AUTHORIZATION}), before any filter that reads the body. */
    public static final int PRIORITY = Priorities.AUTHORIZATION + 100;

    /** Set on the request when its body passed its limit while being read. */
    static final String EXCEEDED = BodyLimits.class.getName() + ".exceeded";
    /** Where Quarkus leaves the body limit for RESTEasy Reactive's input stream ({@code VertxInputStream}). */
    static final String QUARKUS_LIMIT_KEY = "io.quarkus.max-request-size";
    /** The counted body of the request. */
    static final String BODY = BodyLimits.class.getName() + ".body";

    /** Quarkus's own limit of every body, which no operation's limit passes. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> serverLimit;

    @ServerRequestFilter(priority = PRIORITY)
    public Response limit(ContainerRequestContext request, SimpleResourceInfo resource, RoutingContext rc) {
        if (!hasBody(request)) {
            return null;
        }
        long max = limitOf(ContractMethods.annotation(resource, Bulk.class));
        if (serverLimit != null && serverLimit.isPresent()) {
            max = Math.min(max, serverLimit.get().asLongValue());
        }
        long declared = request.getLength();
        if (declared > max) {
            return refusal(rc, tooLarge(max));
        }
        if (rc != null) {
            // Quarkus counts the body against quarkus.http.limits.max-body-size too, and answers its own empty 413 when
            // it passes: this count (never above that one) answers instead, as problem details. Switched off before the
            // stream is opened, which reads the setting.
            rc.put(QUARKUS_LIMIT_KEY, -1L);
        }
        Counted body = new Counted(request.getEntityStream(), max, rc);
        if (rc != null) {
            rc.put(BODY, body);
        }
        request.setEntityStream(body);
        return null;
    }

    /**
     * The answer of a request whose body passed its limit while the resource read it is that 413, whatever the reader made
     * of it. A refusal given before the body was read to its end (a batch's 413 past its rows, a 400 at its hundredth
     * invalid field) closes the connection after it: the rest of the body is not read.
     */
    @ServerResponseFilter
    public void answerTooLarge(ContainerResponseContext response, RoutingContext rc) {
        if (rc == null) {
            return;
        }
        Problem problem = rc.get(EXCEEDED);
        if (problem != null) {
            response.setStatus(problem.status());
            response.setEntity(problem, null, MediaType.valueOf(Problem.MEDIA_TYPE));
        }
        Counted body = rc.get(BODY);
        if (problem != null || (response.getStatus() >= 400 && body != null && !body.ended)) {
            response.getHeaders().putSingle(HttpHeaders.CONNECTION.toString(), "close");
        }
    }

    /** The bytes a body of this operation may have: its {@link Bulk#bytes}, else {@link Bulk#OTHER_BYTES}. */
    public static long limitOf(Bulk bulk) {
        return bulk == null ? Bulk.OTHER_BYTES : bulk.bytes();
    }

    /** Whether the request comes with a body: a length above 0, or one it does not declare (chunked). */
    public static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString(HttpHeaders.TRANSFER_ENCODING.toString()) != null;
    }

    /**
     * A refusal before the body was read: the connection is closed after it, so that the body the caller is still sending
     * is neither read nor taken for the next request.
     */
    public static Response refusal(RoutingContext rc, Problem problem) {
        if (rc != null) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The 413 problem of a body over {@code max} bytes. */
    public static Problem tooLarge(long max) {
        return Problem.of(413, "Content Too Large", "This operation takes a body of at most " + max + " bytes ("
                + (max >= 1024 * 1024 ? max / (1024 * 1024) + " MiB" : max / 1024 + " KiB") + "); nothing was done.");
    }

    /** The body, refused with a 413 problem as soon as more than {@code max} bytes have been read. */
    static final class Counted extends FilterInputStream {

        private final long max;
        private final RoutingContext rc;
        private long read;
        private volatile boolean ended;

        Counted(InputStream body, long max, RoutingContext rc) {
            super(body);
            this.max = max;
            this.rc = rc;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            } else {
                ended = true;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            } else if (n < 0) {
                ended = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                Problem problem = tooLarge(max);
                if (rc != null) {
                    rc.put(EXCEEDED, problem);
                    rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                }
                throw new ProblemException(problem);
            }
        }
    }
}
