package luoshi.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.config.WithName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import luoshi.platform.ServiceUrls;

/**
 * The three services, played by WireMock on dynamic ports, for the whole test application (one
 * Quarkus application per module): tests stub them through {@link DownstreamTest}. The timeout is
 * short so that the slow-service tests are quick.
 */
public class Downstream implements QuarkusTestResourceLifecycleManager {

    public static final long TIMEOUT_MS = 2000;
    public static final long BULK_TIMEOUT_MS = 3 * TIMEOUT_MS;
    /** Imports sent to one service at once, and imports that may wait for them. */
    public static final int BULK_CONCURRENCY = 2;
    public static final int BULK_QUEUE = 2;
    /** The rows of the follow-up list an export asks a service for at a time: few, so that a test sees the slices. */
    public static final int FOLLOW_UP_SLICE = 2;
    /** How long a poll of a service's answer versions waits; the kept answers' bound is twice this. */
    public static final long FEED_WAIT_MS = 300;

    private List<WireMockServer> servers;
    private static Relay orgRelay;

    @Override
    public Map<String, String> start() {
        servers = List.of(server(), server(), server());
        Map<String, String> config = new HashMap<>();
        List<String> names = List.of("org", "funding", "review");
        for (int i = 0; i < names.size(); i++) {
            config.put(serviceUrlKey(names.get(i)), servers.get(i).baseUrl());
            // the same WireMock plays the service's management interface (its readiness)
            config.put(serviceUrlKey(names.get(i) + "Management"), servers.get(i).baseUrl());
        }
        try {
            // org-service is reached through a relay that counts what the gateway sends it (BulkBodiesTest)
            orgRelay = new Relay(servers.get(0).port());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot open the relay", e);
        }
        config.put(serviceUrlKey("org"), "http://127.0.0.1:" + orgRelay.port());
        config.put("luoshi.gateway.timeout-ms", String.valueOf(TIMEOUT_MS));
        config.put("luoshi.gateway.bulk-timeout-ms", String.valueOf(BULK_TIMEOUT_MS));
        config.put("luoshi.gateway.bulk-concurrency", String.valueOf(BULK_CONCURRENCY));
        config.put("luoshi.gateway.bulk-queue", String.valueOf(BULK_QUEUE));
        config.put("luoshi.gateway.follow-up-slice", String.valueOf(FOLLOW_UP_SLICE));
        // the services' answer versions' feeds (KeptAnswersTest plays them): short polls, a short bound
        config.put("luoshi.gateway.answer-versions-wait-ms", String.valueOf(FEED_WAIT_MS));
        config.put("luoshi.gateway.answer-versions-grace-ms", String.valueOf(FEED_WAIT_MS));
        return config;
    }

    /** The key {@link ServiceUrls} reads the service's URL from: luoshi.services.org, or its @WithName. */
    private static String serviceUrlKey(String service) {
        try {
            WithName name = ServiceUrls.class.getMethod(service).getAnnotation(WithName.class);
            return "luoshi.services." + (name == null ? service : name.value());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ServiceUrls has no " + service + "()", e);
        }
    }

    private static WireMockServer server() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .containerThreads(20).asynchronousResponseEnabled(true));
        server.start();
        return server;
    }

    /** The relay in front of org-service's WireMock. */
    static Relay orgRelay() {
        return orgRelay;
    }

    @Override
    public void stop() {
        try {
            orgRelay.close();
        } catch (java.io.IOException e) {
            // closed
        }
        servers.forEach(WireMockServer::stop);
    }
}
