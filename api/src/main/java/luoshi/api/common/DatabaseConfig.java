package luoshi.api.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The database of a service: {@code luoshi.db.*}, from the environment as {@code LUOSHI_DB_HOST},
 * {@code LUOSHI_DB_PORT}, {@code LUOSHI_DB_USER}, {@code LUOSHI_DB_PASSWORD}, {@code LUOSHI_DB_SCHEMA}.
 * The datasource URL is built from these in each service's application.properties; a full
 * {@code QUARKUS_DATASOURCE_JDBC_URL} (a Galera cluster's, say) overrides them all.
 */
@ConfigMapping(prefix = "luoshi.db")
public interface DatabaseConfig {

    @WithDefault("127.0.0.1")
    String host();

    /** 3307: the embedded server of deploy/local/run.sh (3306 is often a system MariaDB). */
    @WithDefault("3307")
    int port();

    @WithDefault("root")
    String user();

    Optional<String> password();

    /** Each service's own schema: luoshi_org, luoshi_funding, luoshi_review. */
    String schema();
}
