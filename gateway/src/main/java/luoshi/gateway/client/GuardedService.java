package luoshi.gateway.client;

import static java.time.temporal.ChronoUnit.MILLIS;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import luoshi.gateway.config.GatewayConfig;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * One downstream service seen through the contract's interfaces (STYLE.md: a fault-tolerant decorator around each REST
 * client). A client is built once per contract interface ({@code ComplianceSource}, {@code RequirementsApi}, …) from
 * the interface itself, so the gateway never restates a path.
 *
 * <p>Each kind of call has a guard of its own (SmallRye Fault Tolerance's {@link Guard}, built from
 * {@link GatewayConfig}), with its own circuit breaker, named {@code <service>/<kind>}:
 * <ul>
 *   <li>{@code reads}: bounded by {@code timeout-ms}, tried once more 50 ms after a fault, never after a timeout, so
 *       that a dead service costs no more than its timeout and an open circuit nothing;</li>
 *   <li>{@code compliance-reads}: the same for the compliance views, whose client calls are themselves asynchronous:
 *       no thread waits for them;</li>
 *   <li>{@code exports}: the slices of a whole list written as a file (the follow-up list's CSV and XLSX, the reports),
 *       asynchronous as the compliance reads, but bounded by {@code bulk-timeout-ms} (a slice of the whole country takes
 *       longer than an interactive read may) and behind a bulkhead of their own as the imports are;</li>
 *   <li>{@code writes}: bounded, never tried again (a write might have been applied);</li>
 *   <li>{@code imports}: the batch imports, bounded by {@code bulk-timeout-ms}, never tried again, and at most
 *       {@code bulk-concurrency} at once (and {@code bulk-queue} waiting) behind a bulkhead of their own, so that however
 *       many imports callers send, they cannot take the connections and threads that other callers' reads need.</li>
 * </ul>
 * Every call is asynchronous, so that the three services are asked in parallel and a slow one costs a caller its
 * timeout at most. A breaker counts only the service's faults ({@link Faults}): a 4xx is the service's answer to one
 * caller, so it is neither tried again nor counted, and it reaches the caller unchanged; a caller who can make the
 * service refuse cannot suspend the service for anyone else. A call that gets no answer fails with {@link Unanswered}
 * (the compliance views name it in {@code incomplete}).
 */
public final class GuardedService {

    private static final int BREAKER_WINDOW = 4;
    private static final double BREAKER_FAILURE_RATIO = 0.5;
    private static final long RETRY_DELAY_MS = 50;

    private final String owner;
    private final URI baseUri;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final DownstreamProblems problems;
    private final Map<Class<?>, Object> clients = new ConcurrentHashMap<>();
    private final Guard reads;
    private final Guard complianceReads;
    private final Guard exports;
    private final Guard writes;
    private final Guard imports;
    /** What learns the data version a write's answer says ({@link VersionBooks#raiser}). */
    private final jakarta.ws.rs.client.ClientResponseFilter written;

    GuardedService(String owner, URI baseUri, GatewayConfig config, ObjectMapper json,
            jakarta.ws.rs.client.ClientResponseFilter written) {
        this.owner = owner;
        this.written = written;
        this.baseUri = baseUri;
        this.config = config;
        this.json = json;
        this.problems = new DownstreamProblems(name(), json);
        this.reads = guard("reads", config.timeoutMs(), true, GuardedService::retriedOnceAfterAFault);
        this.complianceReads = guard("compliance-reads", config.timeoutMs(), false, GuardedService::retriedOnceAfterAFault);
        this.exports = guard("exports", config.bulkTimeoutMs(), false, builder -> {
            retriedOnceAfterAFault(builder);
            builder.withBulkhead().limit(config.bulkConcurrency()).queueSize(config.bulkQueue()).done();
        });
        this.writes = guard("writes", config.timeoutMs(), true, builder -> { });
        this.imports = guard("imports", config.bulkTimeoutMs(), true, builder -> builder.withBulkhead()
                .limit(config.bulkConcurrency()).queueSize(config.bulkQueue()).done());
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
        return guarded(reads, api, blocking(call), config.timeoutMs(), false);
    }

    /**
     * An idempotent read through a method that is itself asynchronous (it returns the client's CompletionStage): guarded
     * as {@link #read}, but it holds no thread while the service works (the compliance views ask three at once).
     */
    public <A, T> CompletionStage<T> readAsync(Class<A> api, Function<A, CompletionStage<T>> call) {
        return guarded(complianceReads, api, call, config.timeoutMs(), false);
    }

    /**
     * A slice of a list written whole as a file: as {@link #readAsync}, with the imports' timeout and a bulkhead of its
     * own, so that exports of the whole country neither time out as an interactive read would nor take the places of
     * the interactive reads.
     */
    public <A, T> CompletionStage<T> exportAsync(Class<A> api, Function<A, CompletionStage<T>> call) {
        return guarded(exports, api, call, config.bulkTimeoutMs(), false);
    }

    /** A write: never retried (it might have been applied), still bounded and broken. */
    public <A, T> CompletionStage<T> write(Class<A> api, Function<A, T> call) {
        return guarded(writes, api, blocking(call), config.timeoutMs(), true);
    }

    /** A batch write (an import of thousands of rows, a long run): a write with its own timeout and bulkhead. */
    public <A, T> CompletionStage<T> bulkWrite(Class<A> api, Function<A, T> call) {
        return guarded(imports, api, blocking(call), config.bulkTimeoutMs(), true);
    }

    /** Re-exposes one public interface of this service: see {@link Route}. */
    public <A> Route<A> route(Class<A> api) {
        prepare(api);
        return new Route<>(this, api);
    }

    /** Builds the clients of these interfaces now, so that no caller's timeout pays for it. */
    void prepare(Class<?>... apis) {
        for (Class<?> api : apis) {
            client(api);
        }
    }

    /**
     * {@code call} through {@code guard}: the client is found, and what the call forwards (the request id, the token …)
     * bound, on the caller's thread; a failure becomes the service's own 4xx, or {@link Unanswered}.
     */
    private <A, T> CompletionStage<T> guarded(Guard guard, Class<A> api, Function<A, CompletionStage<T>> call,
            long timeoutMs, boolean write) {
        A client = client(api);
        Function<A, CompletionStage<T>> bound = RequestIds.bind(call);
        AtomicBoolean sent = new AtomicBoolean();
        CompletionStage<T> answer;
        try {
            answer = guard.call(() -> {
                sent.set(true);
                return bound.apply(client);
            }, new TypeLiteral<CompletionStage<T>>() { });
        } catch (Exception e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.exceptionally(failure -> {
            throw forCaller(failure, timeoutMs, write, sent.get());
        });
    }

    /** What the caller is told of a failed call: the service's 4xx as it answered it, else why it did not answer. */
    private RuntimeException forCaller(Throwable failure, long timeoutMs, boolean write, boolean sent) {
        Throwable cause = Faults.unwrapped(failure);
        if (Faults.clientErrorStatus(cause) != 0) {
            return problems.refusal(cause);
        }
        if (Faults.isFault(cause) || cause instanceof FaultToleranceException) {
            return Unanswered.by(name(), timeoutMs, cause, write, sent);
        }
        // neither the service's answer nor its fault, but the gateway's own failure: a bug worth its 500
        return cause instanceof RuntimeException bug ? bug : new IllegalStateException(cause);
    }

    /** A call of a blocking client method, made asynchronous: the guard runs it on a worker thread of its own. */
    private static <A, T> Function<A, CompletionStage<T>> blocking(Function<A, T> call) {
        return client -> CompletableFuture.completedFuture(call.apply(client));
    }

    private static void retriedOnceAfterAFault(Guard.Builder builder) {
        builder.withRetry().maxRetries(1).delay(RETRY_DELAY_MS, MILLIS).jitter(0, MILLIS)
                .whenException(Faults::isWorthRetrying).done();
    }

    /** A guard with the timeout and circuit breaker that every call has, and what {@code more} adds. */
    private Guard guard(String kind, long timeoutMs, boolean offloaded, Consumer<Guard.Builder> more) {
        String id = name() + "/" + kind;
        return Guard.create()
                .withDescription(id)
                .withTimeout().duration(timeoutMs, MILLIS).done()
                .withCircuitBreaker().name(id).requestVolumeThreshold(BREAKER_WINDOW).failureRatio(BREAKER_FAILURE_RATIO)
                        .delay(config.breakerDelayMs(), MILLIS).when(Faults::isFault).done()
                .withThreadOffload(offloaded)
                .with(more)
                .build();
    }

    @SuppressWarnings("unchecked")
    private <A> A client(Class<A> api) {
        return (A) clients.computeIfAbsent(api, this::build);
    }

    private Object build(Class<?> api) {
        // socket timeouts a little above the longest guard's timeout: a stuck call frees its thread, and the guard's
        // timeout (no retry after it) always fires first
        long socketMs = Math.max(config.timeoutMs(), config.bulkTimeoutMs()) + 500;
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(socketMs, TimeUnit.MILLISECONDS)
                .readTimeout(socketMs, TimeUnit.MILLISECONDS)
                .register(problems)
                .register(new RequestIdPropagation())
                .register(new RegionVersions())
                .register(written)
                .build(api);
    }
}
