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

    private List<WireMockServer> servers;

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
        config.put("luoshi.gateway.timeout-ms", String.valueOf(TIMEOUT_MS));
        config.put("luoshi.gateway.bulk-timeout-ms", String.valueOf(BULK_TIMEOUT_MS));
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

    @Override
    public void stop() {
        servers.forEach(WireMockServer::stop);
    }
}
