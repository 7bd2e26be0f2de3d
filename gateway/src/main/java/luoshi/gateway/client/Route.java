package luoshi.gateway.client;

import java.io.InputStream;
import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A public interface of one service, re-exposed by the gateway: a {@code FooRoutes implements FooApi}
 * delegates each method in one line ({@code return org.read(api -> api.get(code));}). The service's
 * answer comes back as it was: the value, a 201 with its body and location, or its 4xx problem details;
 * an unanswered call is a 503/504 problem.
 */
public final class Route<A> {

    private final GuardedService service;
    private final Class<A> api;

    Route(GuardedService service, Class<A> api) {
        this.service = service;
        this.api = api;
    }

    /** A GET: retried once on a fault. */
    public <T> T read(Function<A, T> call) {
        return relay(await(service.read(api, call)));
    }

    /** A POST, PUT or DELETE that answers a body: never retried. */
    public <T> T write(Function<A, T> call) {
        return relay(await(service.write(api, call)));
    }

    /** A batch import: a write allowed {@code luoshi.gateway.bulk-timeout-ms}. */
    public <T> T bulkWrite(Function<A, T> call) {
        return relay(await(service.bulkWrite(api, call)));
    }

    /**
     * A batch import whose body streams through to the service as it arrives ({@link StreamedBody}): a bulk write, the
     * body never held whole.
     */
    public <T> T bulkWrite(InputStream body, BiFunction<A, InputStream, T> call) {
        return bulkWrite(StreamedBody.passedOn(body, call));
    }

    /** A write that answers 204. */
    public void run(Consumer<A> call) {
        write(a -> {
            call.accept(a);
            return Boolean.TRUE;
        });
    }

    /** The outcome of a call on this thread: its value, or its exception as thrown. */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * A client's {@code RestResponse} carries the downstream transport headers (length, encoding):
     * answer a fresh one with the status, body and location only, and an attachment's name and type (an XLSX
     * template's {@code Content-Disposition}). The location keeps its path, which is the same at the gateway, and
     * loses the service's host, which callers must not see.
     */
    @SuppressWarnings("unchecked")
    private static <T> T relay(T answer) {
        if (answer instanceof RestResponse<?> r) {
            URI location = r.getLocation();
            RestResponse.ResponseBuilder<?> fresh = RestResponse.ResponseBuilder.create(r.getStatusInfo(), r.getEntity())
                    .location(location == null ? null : URI.create(location.getRawPath()
                            + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery())));
            String attachment = r.getHeaderString(CONTENT_DISPOSITION);
            if (attachment != null) {
                fresh.header(CONTENT_DISPOSITION, attachment).type(r.getMediaType());
            }
            return (T) fresh.build();
        }
        return answer;
    }

    private static final String CONTENT_DISPOSITION = "Content-Disposition";
}
