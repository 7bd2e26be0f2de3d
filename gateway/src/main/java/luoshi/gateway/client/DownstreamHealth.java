package luoshi.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import luoshi.platform.ServiceUrls;
import luoshi.gateway.config.GatewayConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

/**
 * Reports in {@code /q/health} (and {@code /q/health/well}) whether each downstream service is
 * ready, asking each service's readiness on its management interface (issue #24: health is not on the public
 * ports). Deliberately not a readiness check: the gateway still serves partial answers, with
 * {@code incomplete}, while a service is down, so it must stay in rotation.
 */
@Wellness
@ApplicationScoped
public class DownstreamHealth implements HealthCheck {

    private final ServiceUrls urls;
    private final Duration timeout;
    private final HttpClient http;

    public DownstreamHealth(ServiceUrls urls, GatewayConfig config) {
        this.urls = urls;
        this.timeout = Duration.ofMillis(config.timeoutMs());
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> probes = new LinkedHashMap<>();
        probes.put("org-service", probe(urls.orgManagement()));
        probes.put("funding-service", probe(urls.fundingManagement()));
        probes.put("review-service", probe(urls.reviewManagement()));
        HealthCheckResponseBuilder b = HealthCheckResponse.named("downstream services");
        boolean allUp = true;
        for (Map.Entry<String, CompletableFuture<String>> e : probes.entrySet()) {
            String state = e.getValue().join();
            allUp &= "UP".equals(state);
            b.withData(e.getKey(), state);
        }
        return b.status(allUp).build();
    }

    private CompletableFuture<String> probe(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN (" + r.statusCode() + ")")
                .exceptionally(t -> "DOWN (unreachable)");
    }
}
