package luoshi.batch;

import io.smallrye.config.ConfigMapping;

/** The service's own table of claimed import keys (see {@link BatchImport#claim}). */
@ConfigMapping(prefix = "luoshi.batch")
public interface BatchConfig {

    /**
     * The table, created by the service's migration: {@code (entity VARCHAR(40), import_key VARCHAR(100), accepted INT,
     * PRIMARY KEY (entity, import_key))}. No default: a service that imports batches names its own.
     */
    String importKeyTable();
}
