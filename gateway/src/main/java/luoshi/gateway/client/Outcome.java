package luoshi.gateway.client;

import luoshi.platform.ProblemException;

/** What one service did with a call: answered {@code value}, refused it ({@code problem}), or did not answer. */
public record Outcome<T>(GuardedService service, T value, ProblemException problem) {

    public boolean answered() {
        return problem == null;
    }

    public boolean unanswered() {
        return problem instanceof Unanswered;
    }
}
