package luoshi.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import luoshi.platform.ProblemException;
import luoshi.gateway.config.GatewayConfig;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * One downstream service seen through the contract's interfaces (STYLE.md: a fault-tolerant decorator
 * around each REST client). A client is built once per contract interface ({@code ComplianceSource},
 * {@code RequirementsApi}, …) from the interface itself, so the gateway never restates a path.
 *
 * <p>Every call is asynchronous, so that the three services are asked in parallel and a slow one costs
 * a caller its timeout at most. Reads are retried once on a fault (a 5xx, a refused connection), never
 * after a timeout, so a dead service still costs no more than its timeout, and an open circuit
 * nothing. A 4xx is the service's answer: it is neither retried nor counted by the breaker, and it
 * reaches the caller unchanged. The fault-tolerance state (the breakers) belongs to each concrete
 * subclass: SmallRye keys it by bean class and method.
 */
public abstract class GuardedService {

    private final String owner;
    private final URI baseUri;
    private final long timeoutMs;
    private final long bulkTimeoutMs;
    private final ObjectMapper json;
    private final Map<Class<?>, Object> clients = new ConcurrentHashMap<>();

    protected GuardedService(String owner, URI baseUri, GatewayConfig config, ObjectMapper json) {
        this.owner = owner;
        this.baseUri = baseUri;
        this.timeoutMs = config.timeoutMs();
        this.bulkTimeoutMs = config.bulkTimeoutMs();
        this.json = json;
    }

    /** The owner as the catalog spells it ({@code Requirement.owner}): org, funding, review. */
    public String owner() {
        return owner;
    }

    /** The name {@code incomplete} uses: org-service, funding-service, review-service. */
    public String name() {
        return owner + "-service";
    }

    /** An idempotent read through one of the service's contract interfaces. */
    public <A, T> CompletionStage<T> read(Class<A> api, Function<A, T> call) {
        return typed(guardedRead(api, untyped(api, RequestIds.bind(call))));
    }

    /**
     * An idempotent read through a method that is itself asynchronous (it returns the client's CompletionStage): guarded
     * as {@link #read}, but it holds no thread while the service works (the compliance views ask three at once).
     */
    public <A, T> CompletionStage<T> readAsync(Class<A> api, Function<A, CompletionStage<T>> call) {
        return typed(guardedReadAsync(api, untyped(api, RequestIds.bind(call))));
    }

    /** A write: never retried (it might have been applied), still bounded and broken. */
    public <A, T> CompletionStage<T> write(Class<A> api, Function<A, T> call) {
        return typed(guardedWrite(api, untyped(api, RequestIds.bind(call))));
    }

    /** A batch write (an import of thousands of rows): a write with {@code luoshi.gateway.bulk-timeout-ms}. */
    public <A, T> CompletionStage<T> bulkWrite(Class<A> api, Function<A, T> call) {
        return typed(guardedBulkWrite(api, untyped(api, RequestIds.bind(call))));
    }

    /** Re-exposes one public interface of this service: see {@link Route}. */
    public <A> Route<A> route(Class<A> api) {
        prepare(api);
        return new Route<>(this, api);
    }

    // @Timeout's value is luoshi.gateway.timeout-ms (application.properties: quarkus.fault-tolerance.global.timeout), the
    // breakers' delay luoshi.gateway.breaker-delay-ms (…global.circuit-breaker.delay)
    @Asynchronous
    @Timeout
    @Retry(maxRetries = 1, delay = 50, jitter = 0,
            abortOn = {ProblemException.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, skipOn = ProblemException.class)
    @Fallback(fallbackMethod = "unansweredRead", skipOn = ProblemException.class)
    public CompletionStage<Object> guardedRead(Class<?> api, Function<Object, Object> call) {
        return CompletableFuture.completedFuture(call.apply(api));
    }

    // the call returns the client's own CompletionStage: nothing to offload to another thread
    @AsynchronousNonBlocking
    @Timeout
    @Retry(maxRetries = 1, delay = 50, jitter = 0,
            abortOn = {ProblemException.class, TimeoutException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, skipOn = ProblemException.class)
    @Fallback(fallbackMethod = "unansweredReadAsync", skipOn = ProblemException.class)
    @SuppressWarnings("unchecked")
    public CompletionStage<Object> guardedReadAsync(Class<?> api, Function<Object, Object> call) {
        return (CompletionStage<Object>) call.apply(api);
    }

    @Asynchronous
    @Timeout
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, skipOn = ProblemException.class)
    @Fallback(fallbackMethod = "unansweredWrite", skipOn = ProblemException.class)
    public CompletionStage<Object> guardedWrite(Class<?> api, Function<Object, Object> call) {
        return CompletableFuture.completedFuture(call.apply(api));
    }

    // A method of its own because fault tolerance configures a timeout per method: its @Timeout is
    // luoshi.gateway.bulk-timeout-ms (application.properties). Its bulkhead: at most 4 imports stream through to this
    // service at once, 16 more wait their turn (their bodies unread), any more is a 503: however many batches callers
    // send, they cannot take the threads and connections that other calls need.
    @Asynchronous
    @Bulkhead(value = 4, waitingTaskQueue = 16)
    @Timeout
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, skipOn = {ProblemException.class, BulkheadException.class})
    @Fallback(fallbackMethod = "unansweredBulkWrite", skipOn = ProblemException.class)
    public CompletionStage<Object> guardedBulkWrite(Class<?> api, Function<Object, Object> call) {
        return CompletableFuture.completedFuture(call.apply(api));
    }

    /** The fallback keeps {@code incomplete} honest: the failure is named, never hidden behind a value. */
    public CompletionStage<Object> unansweredRead(Class<?> api, Function<Object, Object> call, Throwable cause) {
        return CompletableFuture.failedFuture(Unanswered.by(name(), timeoutMs, cause, false));
    }

    public CompletionStage<Object> unansweredReadAsync(Class<?> api, Function<Object, Object> call, Throwable cause) {
        return unansweredRead(api, call, cause);
    }

    public CompletionStage<Object> unansweredWrite(Class<?> api, Function<Object, Object> call, Throwable cause) {
        return CompletableFuture.failedFuture(Unanswered.by(name(), timeoutMs, cause, true));
    }

    public CompletionStage<Object> unansweredBulkWrite(Class<?> api, Function<Object, Object> call, Throwable cause) {
        return CompletableFuture.failedFuture(Unanswered.by(name(), bulkTimeoutMs, cause, true));
    }

    private Object client(Class<?> api) {
        return clients.computeIfAbsent(api, this::build);
    }

    /** Builds the clients of these interfaces now, so that no caller's timeout pays for it. */
    void prepare(Class<?>... apis) {
        for (Class<?> api : apis) {
            client(api);
        }
    }

    // The guarded methods are not generic (fault tolerance matches a fallback's signature exactly). The
    // client is found on the caller's thread, before the timeout starts.
    private <A, T> Function<Object, Object> untyped(Class<A> api, Function<A, T> call) {
        A client = api.cast(client(api));
        return ignored -> call.apply(client);
    }

    @SuppressWarnings("unchecked")
    private static <T> CompletionStage<T> typed(CompletionStage<Object> stage) {
        return (CompletionStage<T>) stage;
    }

    private Object build(Class<?> api) {
        // socket timeouts a little above the longest fault-tolerance timeout: a stuck call frees its
        // thread, and the @Timeout (no retry after it) always fires first
        long socketMs = Math.max(timeoutMs, bulkTimeoutMs) + 500;
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(socketMs, TimeUnit.MILLISECONDS)
                .readTimeout(socketMs, TimeUnit.MILLISECONDS)
                .register(new DownstreamProblems(name(), json))
                .register(new RequestIdPropagation())
                .register(new RegionVersions())
                .build(api);
    }
}
