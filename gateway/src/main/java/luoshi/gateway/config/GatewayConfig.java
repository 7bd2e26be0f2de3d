package luoshi.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The gateway's own settings ({@code luoshi.gateway.*}). The timeout bounds every downstream call:
 * application.properties hands the same value to {@code @Timeout} (fault tolerance), and the REST
 * clients' socket timeouts are a little longer, so that the fault-tolerance timeout always fires first.
 */
@ConfigMapping(prefix = "luoshi.gateway")
public interface GatewayConfig {

    /** LUOSHI_GATEWAY_TIMEOUT_MS: the most a downstream call may take before it counts as unanswered. */
    @WithName("timeout-ms")
    @WithDefault("2000")
    long timeoutMs();

    /** LUOSHI_GATEWAY_BULK_TIMEOUT_MS: the same for a batch import (up to 10,000 rows, API.md). */
    @WithName("bulk-timeout-ms")
    @WithDefault("60000")
    long bulkTimeoutMs();

    /**
     * LUOSHI_GATEWAY_BREAKER_DELAY_MS: how long an open circuit breaker answers for its service before it lets one call
     * through; application.properties hands it to {@code @CircuitBreaker} (fault tolerance's global delay).
     */
    @WithName("breaker-delay-ms")
    @WithDefault("2000")
    long breakerDelayMs();
}
