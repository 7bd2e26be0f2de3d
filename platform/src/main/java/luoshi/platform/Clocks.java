package luoshi.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock of every service (DEVELOPERS.md: injected time). Rules and jobs take "today"
 * from the injected {@link Clock}; {@code asOf} parameters override it per call.
 */
@ApplicationScoped
public class Clocks {

    @ConfigMapping(prefix = "luoshi.clock")
    public interface ClockConfig {
        /** The zone in which a date begins: due dates are Beijing dates. */
        @WithDefault("Asia/Shanghai")
        ZoneId zone();
    }

    @Produces
    @jakarta.inject.Singleton
    Clock clock(ClockConfig config) {
        return Clock.system(config.zone());
    }

    /** {@code asOf} when given, else today on the clock. */
    public static LocalDate asOfOrToday(LocalDate asOf, Clock clock) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }
}
