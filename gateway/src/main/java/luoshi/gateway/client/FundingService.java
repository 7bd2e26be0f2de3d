package luoshi.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import luoshi.platform.ServiceUrls;
import luoshi.gateway.config.GatewayConfig;

/** funding-service (LUOSHI_SERVICES_FUNDING_URL), with its own circuit breakers. A singleton: no client proxy needed. */
@Singleton
public class FundingService extends GuardedService {

    FundingService(ServiceUrls urls, GatewayConfig config, ObjectMapper json) {
        super("funding", urls.funding(), config, json);
    }
}
