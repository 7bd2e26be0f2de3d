package luoshi.review;

import io.quarkus.test.Mock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The test application's clock: the system's (in Beijing, as platform's {@code Clocks} makes it) until a test sets a
 * fixed instant, and again after it resets it. A job that takes today from the injected clock is tested by setting the
 * day and advancing it, never by waiting for one.
 */
public class AdjustableClock extends Clock {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static volatile Instant fixed;

    /** From now on the clock says {@code instant}, until {@link #reset()}. */
    static void set(Instant instant) {
        fixed = instant;
    }

    /** Back to the system's time. */
    static void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return BEIJING;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(BEIJING) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    /** Replaces platform's clock bean in the test application. */
    public static class Producer {

        @Produces
        @Singleton
        @Mock
        Clock clock() {
            return new AdjustableClock();
        }
    }
}
