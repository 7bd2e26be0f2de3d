package luoshi.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The daily snapshot job that the trends answer (API.md, "Evaluation and trends"). */
@ConfigMapping(prefix = "luoshi.snapshots")
public interface SnapshotConfig {

    /** Quartz-style cron of the daily run ({@code off} disables it); read by {@code @Scheduled}. */
    @WithDefault("0 30 2 * * ?")
    String cron();

    /** Regions read from the copy per page while the job walks them: what it holds at once. */
    @WithDefault("500")
    int pageSize();
}
