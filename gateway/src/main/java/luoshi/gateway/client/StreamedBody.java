package luoshi.gateway.client;

import java.io.InputStream;
import java.util.function.BiFunction;
import java.util.function.Function;
import luoshi.platform.ProblemException;

/**
 * A bulk body passed on to the service that owns it as it arrives (API.md, "Bodies"): the gateway never holds it whole.
 * The route's REST client is built from the same interface, whose method takes the body as an {@code InputStream}, and
 * Quarkus's REST client sends such a body as a stream, reading it on a worker thread as the connection to the service
 * takes it (backpressure both ways: what the service has not read, the gateway does not read from the caller). The call
 * goes through the service's bulk-write guard ({@link Route#bulkWrite}: the bulk timeout, the breaker, and the bulkhead
 * of bulk writes), and the service's answer (its 400 naming a row, its 413 past the rows, its 403 naming a row outside
 * the caller's region) comes back as it answered it.
 *
 * <p>The caller's role and the body's byte limit were checked by the gateway before the body was touched (security's
 * {@code RoleCheck}, platform's {@code BodyLimits}, as in every service). A body that declares no length and passes its
 * limit while it streams is refused by that limit's stream: the failure of the downstream call is then the caller's 413,
 * not the service's fault, so it is never counted by the breaker.
 */
public final class StreamedBody {

    private StreamedBody() {
    }

    /** The call of {@code call} with {@code body}, for {@link Route#bulkWrite(Function)}. */
    static <A, T> Function<A, T> passedOn(InputStream body, BiFunction<A, InputStream, T> call) {
        return api -> {
            try {
                return call.apply(api, body);
            } catch (RuntimeException e) {
                throw callersOwn(e);
            }
        };
    }

    /** The caller's refusal (its body over the limit) that {@code e} carries, else {@code e} itself. */
    private static RuntimeException callersOwn(RuntimeException e) {
        if (e instanceof ProblemException) {
            return e;
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ProblemException refused && refused.problem().status() == 413) {
                return refused;
            }
        }
        return e;
    }
}
