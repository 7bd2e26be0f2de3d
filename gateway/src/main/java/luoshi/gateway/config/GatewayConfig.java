package luoshi.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The gateway's own settings ({@code luoshi.gateway.*}), from which each downstream service's guards are built
 * ({@code client.GuardedService}). The timeout bounds every downstream call; the REST clients' socket timeouts are a
 * little longer, so that the guard's timeout always fires first.
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

    /** LUOSHI_GATEWAY_BREAKER_DELAY_MS: how long an open circuit breaker answers for its service before it lets one call through. */
    @WithName("breaker-delay-ms")
    @WithDefault("2000")
    long breakerDelayMs();

    /**
     * LUOSHI_GATEWAY_BULK_CONCURRENCY: how many batch imports the gateway sends one service at once (its bulkhead), so
     * that imports, each allowed {@link #bulkTimeoutMs}, never hold the connections and threads that reads need.
     */
    @WithName("bulk-concurrency")
    @WithDefault("4")
    int bulkConcurrency();

    /**
     * LUOSHI_GATEWAY_BULK_QUEUE: how many more imports may wait for one of those places (within their own timeout);
     * an import beyond them is refused at once with a 503, and nothing of it is sent.
     */
    @WithName("bulk-queue")
    @WithDefault("4")
    int bulkQueue();

    /**
     * LUOSHI_GATEWAY_RULE_TYPES_TTL_MS: how long the gateway keeps the rule types the services declare before it asks
     * them again. A type it does not know is asked for at once, so a service's new type never waits for it.
     */
    @WithName("rule-types-ttl-ms")
    @WithDefault("30000")
    long ruleTypesTtlMs();

    /**
     * LUOSHI_GATEWAY_FOLLOW_UP_SLICE: how many rows of the follow-up list an export asks each service for at a time
     * (at most ComplianceSource.MAX_FOLLOW_UP_ROWS): an export holds two slices per service in memory (the next is asked
     * for as one arrives), and makes a call per slice. 1000: at 2000 the country's XLSX report spent a third of the
     * gateway's CPU collecting the slices' garbage in its 96 MiB heap.
     */
    @WithName("follow-up-slice")
    @WithDefault("1000")
    int followUpSlice();

    /**
     * LUOSHI_GATEWAY_KEPT_ANSWERS_MIB: how much memory the answers the gateway keeps may take (issue #29: a repeated
     * question whose versions have not moved is answered without a downstream call), weighed by their JSON's size; 0
     * keeps none and follows no service's answer versions.
     */
    @WithName("kept-answers-mib")
    @WithDefault("16")
    int keptAnswersMib();

    /**
     * LUOSHI_GATEWAY_ANSWER_VERSIONS_WAIT_MS: how long a long poll of a service's answer versions waits for a change;
     * a service's feed that stays silent longer than this and {@link #answerVersionsGraceMs} turns the kept answers
     * off until it answers again.
     */
    @WithName("answer-versions-wait-ms")
    @WithDefault("2000")
    long answerVersionsWaitMs();

    /** LUOSHI_GATEWAY_ANSWER_VERSIONS_GRACE_MS: what a long poll's answer may take beyond its wait. */
    @WithName("answer-versions-grace-ms")
    @WithDefault("1000")
    long answerVersionsGraceMs();
}
