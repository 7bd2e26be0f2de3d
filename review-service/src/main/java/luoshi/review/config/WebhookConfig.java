package luoshi.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "luoshi.webhooks")
public interface WebhookConfig {

    /**
     * API.md: outside the local and test profiles a URL resolving to an internal address (loopback, private,
     * link-local, CGNAT, benchmarking, reserved, broadcast, multicast, and those embedded in IPv6) is refused, unless
     * this is true (set for %dev, %local and %test). Scheme, host and port are checked either way, and a delivery
     * always connects to the address it resolved (service/WebhookTargets).
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /**
     * The waits before each retry: the first within 10 seconds, then growing; 10 retries = 11
     * attempts over about 1.9 days (API.md: at least 8 attempts over at least a day).
     */
    @WithDefault("PT5S,PT30S,PT2M,PT10M,PT30M,PT1H,PT3H,PT6H,PT12H,PT24H")
    List<Duration> retryDelays();

    /** How long a claimed delivery stays with its sender before another may take it over. */
    @WithDefault("PT10M")
    Duration claimLease();

    /** Deliveries claimed at once. */
    @WithDefault("20")
    int batchSize();

    /** Connect and answer timeout of one attempt. */
    @WithDefault("PT10S")
    Duration timeout();

    /** How often the sender looks for due deliveries ({@code off} disables it); read by {@code @Scheduled}. */
    @WithDefault("5s")
    String sendEvery();
}
