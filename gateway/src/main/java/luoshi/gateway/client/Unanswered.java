package luoshi.gateway.client;

import luoshi.api.common.Problem;
import luoshi.platform.ProblemException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The fallback's answer when a service did not answer: too slow (504), its circuit open or failing
 * (503). The compliance views turn it into an {@code incomplete} entry; a routed call passes it to the
 * caller as problem details.
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

    static Unanswered by(String service, long timeoutMs, Throwable cause, boolean write) {
        // a write that timed out may still have been applied downstream: say so rather than guess
        String unknownOutcome = write ? " The write may or may not have been applied." : "";
        if (cause instanceof TimeoutException) {
            return new Unanswered(service, Problem.of(504, "Gateway Timeout",
                    service + " did not answer within " + timeoutMs + " ms." + unknownOutcome));
        }
        if (cause instanceof BulkheadException) {
            return new Unanswered(service, Problem.of(503, "Service Unavailable", "Too many imports to " + service
                    + " are under way; this one was not sent. Send it again later."));
        }
        if (cause instanceof CircuitBreakerOpenException) {
            return new Unanswered(service, Problem.of(503, "Service Unavailable",
                    service + " is failing; calls to it are suspended for a while (circuit open)."));
        }
        return new Unanswered(service, Problem.of(503, "Service Unavailable",
                service + " could not answer." + unknownOutcome));
    }
}
