package luoshi.rules.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code luoshi.rules.owner}: the service whose requirements this catalog holds (org, funding, review); {@code luoshi.rules.answers-kept}. */
@ConfigMapping(prefix = "luoshi.rules")
public interface RulesConfig {
    String owner();

    /** How many compliance answers {@code ComplianceAnswers} keeps (0: none, every request evaluates). */
    @WithDefault("10000")
    int answersKept();
}
