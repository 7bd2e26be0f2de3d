package luoshi.rules;

import io.smallrye.config.ConfigMapping;

/** {@code luoshi.rules.owner}: the service whose requirements this catalog holds (org, funding, review). */
@ConfigMapping(prefix = "luoshi.rules")
public interface RulesConfig {
    String owner();
}
