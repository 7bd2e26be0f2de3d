package luoshi.gateway.requestid;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import luoshi.platform.IdempotencyKey;
import luoshi.gateway.rest.CurrentRequest;
import org.jboss.logging.MDC;

/**
 * One id per call, to follow it through the gateway's access log and the services' logs: the
 * caller's {@code X-Request-Id} when it is a sensible token, else a new UUID. Set before anything
 * else runs, answered in the response header (where the access log reads it) and put in the MDC.
 * Downstream calls run on fault-tolerance threads, so a call is {@link #bind bound} to the id of the
 * request that makes it.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String ROUTING_KEY = "luoshi.request-id";
    /** Log-safe: no spaces, quotes or line breaks from a caller reach a log line. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /**
     * What a downstream call carries of the caller's request: its id, the caller's token (API.md, Security), and its
     * {@code Cache-Control} (no-cache: the services evaluate afresh rather than answer from what they keep), and its
     * {@code Idempotency-Key} (the service that owns the write honours it).
     */
    private record Forwarded(String requestId, String authorization, String cacheControl, String idempotencyKey) {
    }

    private static final ThreadLocal<Forwarded> BOUND = new ThreadLocal<>();

    void assignToEveryRequest(@Observes Filters filters) {
        filters.register(rc -> {
            String given = rc.request().getHeader(HEADER);
            String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
            rc.put(ROUTING_KEY, id);
            rc.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            rc.next();
        }, Integer.MAX_VALUE);
    }

    /** The id of the call being served on this thread, or null outside a call. */
    public static String current() {
        Forwarded bound = BOUND.get();
        if (bound != null) {
            return bound.requestId();
        }
        return CurrentRequest.get().map(rc -> rc.<String>get(ROUTING_KEY)).orElse(null);
    }

    /**
     * The caller's {@code Authorization} header, which the gateway forwards unchanged so that each
     * service checks the same token again: a caller gets no more through the gateway than directly.
     */
    public static String authorization() {
        return callers(Forwarded::authorization, HttpHeaders.AUTHORIZATION);
    }

    /** The caller's {@code Cache-Control} header, forwarded as it is; null when there is none. */
    public static String cacheControl() {
        return callers(Forwarded::cacheControl, HttpHeaders.CACHE_CONTROL);
    }

    /** The caller's {@code Idempotency-Key} header, forwarded as it is; null when there is none. */
    public static String idempotencyKey() {
        return callers(Forwarded::idempotencyKey, IdempotencyKey.HEADER);
    }

    /** A header of the caller's request: as bound to this thread, else from the request being served. */
    private static String callers(Function<Forwarded, String> bound, String header) {
        Forwarded forwarded = BOUND.get();
        if (forwarded != null) {
            return bound.apply(forwarded);
        }
        return CurrentRequest.get().map(rc -> rc.request().getHeader(header)).orElse(null);
    }

    /** {@code call}, carrying the current request's id and forwarded headers to whichever thread runs it. */
    public static <A, T> Function<A, T> bind(Function<A, T> call) {
        Forwarded forwarded = new Forwarded(current(), authorization(), cacheControl(), idempotencyKey());
        return api -> {
            Forwarded previous = BOUND.get();
            BOUND.set(forwarded);
            try {
                return call.apply(api);
            } finally {
                if (previous == null) {
                    BOUND.remove();
                } else {
                    BOUND.set(previous);
                }
            }
        };
    }
}
