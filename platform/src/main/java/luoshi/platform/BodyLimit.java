package luoshi.platform;

import luoshi.api.common.Problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A body of undeclared length (chunked) over {@code quarkus.http.limits.max-body-size} is a 413 problem like a
 * declared one ({@link HttpLimits}). Quarkus counts such a body itself while the resource reads it, and when it
 * passes the limit it ends the exchange at once with an empty 413 (RESTEasy Reactive's {@code VertxInputStream}),
 * which no exception mapper can reach. So, for such a body only, Quarkus's count is switched off for this request and
 * the body is read through a stream that counts the same bytes and throws the 413 {@link ProblemException} instead;
 * the answer of the request is that 413 problem whatever the reader made of the exception (Jackson wraps it into a
 * mapping error), and the connection is closed after it, as the rest of the body is not read. Memory stays bounded
 * either way: nothing here buffers the body.
 */
public class BodyLimit {

    /** Where Quarkus leaves the limit for RESTEasy Reactive's input stream ({@code HttpServerCommonHandlers}). */
    static final String QUARKUS_LIMIT_KEY = "io.quarkus.max-request-size";
    /** Set on the request when its body passed the limit. */
    static final String EXCEEDED_KEY = "luoshi.body-too-large";

    private final HttpLimits limits;

    @Inject
    public BodyLimit(HttpLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public void countUndeclaredBodies(ContainerRequestContext request, RoutingContext rc) {
        boolean undeclared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH.toString()) == null
                && request.getHeaderString(HttpHeaders.TRANSFER_ENCODING.toString()) != null;
        if (undeclared) {
            rc.put(QUARKUS_LIMIT_KEY, -1L);   // read before the stream below is opened: it counts instead
            request.setEntityStream(new CountedBody(request.getEntityStream(), limits.maxBody(), rc));
        }
    }

    @ServerResponseFilter
    public void answerTooLarge(ContainerResponseContext response, RoutingContext rc) {
        Problem problem = rc.get(EXCEEDED_KEY);
        if (problem != null) {
            response.setStatus(problem.status());
            response.setEntity(problem, null, MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    /** The body, refused with a 413 problem as soon as more than {@code max} bytes have been read. */
    static final class CountedBody extends FilterInputStream {

        private final long max;
        private final RoutingContext rc;
        private long read;

        CountedBody(InputStream body, long max, RoutingContext rc) {
            super(body);
            this.max = max;
            this.rc = rc;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                Problem problem = HttpLimits.bodyTooLarge(max);
                rc.put(EXCEEDED_KEY, problem);
                rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                throw new ProblemException(problem);
            }
        }
    }
}
