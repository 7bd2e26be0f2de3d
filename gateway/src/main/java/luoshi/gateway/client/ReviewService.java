package luoshi.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import luoshi.platform.ServiceUrls;
import luoshi.gateway.config.GatewayConfig;

/** review-service (LUOSHI_SERVICES_REVIEW_URL), with its own circuit breakers. A singleton: no client proxy needed. */
@Singleton
public class ReviewService extends GuardedService {

    ReviewService(ServiceUrls urls, GatewayConfig config, ObjectMapper json) {
        super("review", urls.review(), config, json);
    }
}
