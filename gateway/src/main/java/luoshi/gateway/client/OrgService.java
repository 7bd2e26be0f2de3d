package luoshi.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import luoshi.platform.ServiceUrls;
import luoshi.gateway.config.GatewayConfig;

/** org-service (LUOSHI_SERVICES_ORG_URL), with its own circuit breakers. A singleton: no client proxy needed. */
@Singleton
public class OrgService extends GuardedService {

    OrgService(ServiceUrls urls, GatewayConfig config, ObjectMapper json) {
        super("org", urls.org(), config, json);
    }
}
