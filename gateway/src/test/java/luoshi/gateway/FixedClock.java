package luoshi.gateway;

import io.quarkus.test.Mock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The test application's clock: 2026-11-22 in Beijing, so that defaults of year and asOf are known. */
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");

    @Produces
    @Singleton
    @Mock
    Clock clock() {
        return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
    }
}
