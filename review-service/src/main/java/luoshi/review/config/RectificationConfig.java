package luoshi.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** API.md, "Rectification": how long a region has to put an item right. */
@ConfigMapping(prefix = "luoshi.rectifications")
public interface RectificationConfig {

    /** Days from the opening to the due date, for the reminder job's rectifications and a create without dueDate. */
    @WithDefault("90")
    int dueDays();
}
