package luoshi.gateway.client;

import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import luoshi.platform.ProblemException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Which failures of a downstream call are the service's faults. Only these open a circuit breaker, and only these
 * (but a timeout) make a read be tried again: a 5xx, a timeout, and an exchange that failed below HTTP (a refused or
 * reset connection, an answer cut off). Everything else is not the service's fault: a 4xx is its answer to this
 * caller's request, whatever exception carries it ({@link ProblemException}, a client's
 * {@link WebApplicationException}), and must cost no other caller anything; an open circuit or a full bulkhead is
 * the gateway's own decision; any other exception is a fault of the gateway, not of the service.
 */
public final class Faults {

    private Faults() {
    }

    /** True for a fault of the service: counted by its circuit breaker. */
    public static boolean isFault(Throwable failure) {
        Throwable t = unwrapped(failure);
        if (t instanceof DownstreamFailure || t instanceof TimeoutException) {
            return true;
        }
        if (t instanceof WebApplicationException w) {
            return status(w) >= 500;
        }
        if (t instanceof ProblemException) {
            return false;   // a 4xx answer: DownstreamProblems turns every 5xx into a DownstreamFailure
        }
        return t instanceof ProcessingException || causedBy(t, IOException.class) || causedBy(t, VertxException.class);
    }

    /** True for a fault worth one more try of a read: any fault but a timeout (a slow service costs its timeout once). */
    public static boolean isWorthRetrying(Throwable failure) {
        return isFault(failure) && !(unwrapped(failure) instanceof TimeoutException);
    }

    /** The status of a downstream 4xx that {@code failure} carries, or 0 when it carries none. */
    public static int clientErrorStatus(Throwable failure) {
        Throwable t = unwrapped(failure);
        int status = t instanceof ProblemException p && !(t instanceof Unanswered) ? p.problem().status()
                : t instanceof WebApplicationException w ? status(w) : 0;
        return status >= 400 && status < 500 ? status : 0;
    }

    /** The failure itself, out of the wrappers that asynchronous calls put around it. */
    public static Throwable unwrapped(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static int status(WebApplicationException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatus();
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (kind.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
