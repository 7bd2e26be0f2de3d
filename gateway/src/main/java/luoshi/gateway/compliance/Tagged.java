package luoshi.gateway.compliance;

import java.util.List;
import luoshi.gateway.client.Answers;

/**
 * An answer and the versions it was computed from (the services' {@code Luoshi-Answer-Version}s), which its ETag is made
 * of ({@link ConditionalReads}); {@code versions} null: the answer is not tagged, because a service did not answer or
 * said its answer may be out of date (an answer with {@code incomplete} or {@code warnings} must never be confirmed by a
 * 304 later, nor confirm one).
 */
record Tagged<T>(T value, String versions) {

    /** {@code value}, computed from {@code answers}, tagged when they are complete and nothing warns about it. */
    static <T> Tagged<T> of(T value, Answers<?> answers, List<String> warnings) {
        boolean sure = answers.complete() && (warnings == null || warnings.isEmpty());
        return new Tagged<>(value, sure ? answers.versions() : null);
    }

    /** The versions of answers computed from several rounds of calls; null when one of them is null. */
    static String both(String a, String b) {
        return a == null || b == null ? null : a + "|" + b;
    }
}
