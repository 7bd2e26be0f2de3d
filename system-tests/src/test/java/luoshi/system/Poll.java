package luoshi.system;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waiting for something that happens asynchronously, with a deadline: never a fixed sleep. */
public final class Poll {

    private Poll() {
    }

    /** Polls {@code condition} every 100 ms until it holds; fails after {@code timeout}. */
    public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!Boolean.TRUE.equals(condition.get())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            pause();
        }
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
