package luoshi.rules.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** {@code luoshi.rules.owner}: the service whose requirements this catalog holds (org, funding, review); {@code luoshi.rules.answers-kept}. */
@ConfigMapping(prefix = "luoshi.rules")
public interface RulesConfig {
    String owner();

    /** How many compliance answers {@code ComplianceAnswers} keeps (0: none, every request evaluates). */
    @WithDefault("10000")
    int answersKept();

    /**
     * How many regions a slice of a follow-up list read whole (an export, a report) evaluates at a time, at least
     * ({@code Compliance.followUp}): enough for a slice's rows to take one statement or a few, few enough that a slice
     * never evaluates the regions far after it.
     */
    @WithName("follow-up-window")
    @WithDefault("256")
    int followUpWindow();
}
