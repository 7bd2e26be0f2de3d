package luoshi.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import luoshi.api.compliance.ComplianceSource;

/** REQUIREMENTS.md, Reminders: the lead times, the OVERDUE window and the schedule. */
@ConfigMapping(prefix = "luoshi.reminders")
public interface ReminderConfig {

    /** Days before the due date at which a PENDING item is reminded. */
    @WithDefault("90,30,7")
    List<Integer> leadDays();

    /** OVERDUE reminders only for due dates at most this many days before the run's date. */
    @WithDefault("365")
    int overdueWindowDays();

    /** Quartz-style cron of the daily run ({@code off} disables it); read by {@code @Scheduled}. */
    @WithDefault("0 0 2 * * ?")
    String cron();

    /** Items per call to an owner's open-items endpoint: each call evaluates the whole country, so as few as possible. */
    @WithDefault("" + ComplianceSource.MAX_OPEN_ITEMS_PAGE)
    int pageSize();
}
