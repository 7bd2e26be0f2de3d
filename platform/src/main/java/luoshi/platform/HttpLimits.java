package luoshi.platform;

import luoshi.api.common.Problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The limits of a request, answered as problem details like every other error (API.md, Conventions: 413, 414,
 * 431), on the public port and on the management port alike. Vert.x's HTTP codec refuses an over-long request line
 * or header block itself, with an empty 414 or 431 and no way for the application to shape the answer; so the
 * codec's limits are set generously ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size},
 * and the same {@code quarkus.management.limits.*}: 64 KiB in this module's {@code META-INF/microprofile-config.properties})
 * and the limits callers are held to are enforced here, before anything else runs: a request target of more than
 * {@value #MAX_TARGET} characters (414), headers of more than {@value #MAX_HEADERS} bytes (431), a declared body
 * larger than {@code quarkus.http.limits.max-body-size} (413; Quarkus's own check would answer it with no body). A
 * body of undeclared length (chunked), and every body against its own operation's limit, is counted while it is read
 * ({@link BodyLimits}). Only a request beyond the
 * codec's 64 KiB still gets the codec's bare answer.
 */
@ApplicationScoped
public class HttpLimits {

    /** The request target (path and query): Vert.x's default for the whole request line. */
    static final int MAX_TARGET = 4096;
    /** All header lines together: Vert.x's default {@code max-header-size}. */
    static final int MAX_HEADERS = 20 * 1024;
    /** Before the request id (the gateway's, priority {@code Integer.MAX_VALUE}) and Quarkus's upload limit. */
    static final int PRIORITY = Integer.MAX_VALUE - 1;

    private final long maxBody = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
            .map(MemorySize::asLongValue).orElse(10240L * 1024);

    void enforceOnEveryRequest(@Observes Filters filters) {
        filters.register(this::enforce, PRIORITY);
    }

    /** The management interface (metrics, health) has a router of its own, which {@link Filters} do not reach. */
    void enforceOnEveryManagementRequest(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(this::enforce);
    }

    long maxBody() {
        return maxBody;
    }

    void enforce(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.uri().length() > MAX_TARGET) {
            refuse(rc, Problem.of(414, "URI Too Long", "The path and query may have at most " + MAX_TARGET + " characters."));
        } else if (headerBytes(request.headers()) > MAX_HEADERS) {
            refuse(rc, Problem.of(431, "Request Header Fields Too Large", "The headers may have at most " + MAX_HEADERS + " bytes."));
        } else if (declaredLength(request) > maxBody) {
            refuse(rc, bodyTooLarge(maxBody));
        } else {
            rc.next();
        }
    }

    private static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;   // "name: value\r\n"
        }
        return bytes;
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void refuse(RoutingContext rc, Problem problem) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");   // the rest of the request is not read
        UnhandledFailures.answer(rc, problem);
    }

    /** The 413 problem of a body over {@code max} bytes. */
    static Problem bodyTooLarge(long max) {
        return Problem.of(413, "Content Too Large", "The body may have at most " + max + " bytes.");
    }
}
