package luoshi.gateway.client;

import luoshi.api.common.Problem;
import luoshi.platform.ProblemException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * A service did not answer: too slow (504), its circuit open or failing, or too many imports for it at once (503).
 * The compliance views turn it into an {@code incomplete} entry; a routed call passes it to the caller as problem
 * details. A write says what is known of its fate: never sent, or sent and perhaps applied.
 */
public class Unanswered extends ProblemException {

    private final String service;

    private Unanswered(String service, Problem problem) {
        super(problem);
        this.service = service;
    }

    public String service() {
        return service;
    }

    /**
     * Why {@code service} did not answer a call that failed with {@code cause} (a fault, a timeout, an open circuit or a
     * full bulkhead, see {@link Faults}), allowed {@code timeoutMs}; {@code write}: whether the call was a write,
     * {@code sent}: whether it left the gateway.
     */
    static Unanswered by(String service, long timeoutMs, Throwable cause, boolean write, boolean sent) {
        // a write that left the gateway and got no answer may still have been applied downstream: say so rather than guess
        String outcome = !write ? "" : sent ? " The write may or may not have been applied." : " Nothing was sent.";
        if (cause instanceof BulkheadException) {
            return new Unanswered(service, Problem.of(503, "Service Unavailable", service + " has as many imports "
                    + "running and waiting as the gateway allows it; try again later." + outcome));
        }
        if (cause instanceof TimeoutException && !sent) {
            return new Unanswered(service, Problem.of(503, "Service Unavailable", service + " was not asked within "
                    + timeoutMs + " ms: the calls before it were still running; try again later." + outcome));
        }
        if (cause instanceof TimeoutException) {
            return new Unanswered(service, Problem.of(504, "Gateway Timeout",
                    service + " did not answer within " + timeoutMs + " ms." + outcome));
        }
        if (cause instanceof BulkheadException) {
            return new Unanswered(service, Problem.of(503, "Service Unavailable", "Too many imports to " + service
                    + " are under way; this one was not sent. Send it again later."));
        }
        if (cause instanceof CircuitBreakerOpenException) {
            return new Unanswered(service, Problem.of(503, "Service Unavailable",
                    service + " is failing; calls to it are suspended for a while (circuit open)." + outcome));
        }
        return new Unanswered(service, Problem.of(503, "Service Unavailable", service + " could not answer." + outcome));
    }
}
