package luoshi.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;

/**
 * Where the services listen ({@code luoshi.services.org.url} …), for the services that call one another (environment:
 * {@code LUOSHI_SERVICES_ORG_URL}, {@code LUOSHI_SERVICES_FUNDING_URL}, {@code LUOSHI_SERVICES_REVIEW_URL}), and where
 * their management interfaces (health, metrics) listen, for the gateway's health ({@code luoshi.services.org.management-url}
 * …, {@code LUOSHI_SERVICES_ORG_MANAGEMENT_URL} …).
 */
@ConfigMapping(prefix = "luoshi.services")
public interface ServiceUrls {

    @WithName("org.url")
    @WithDefault("http://localhost:8081")
    URI org();

    @WithName("funding.url")
    @WithDefault("http://localhost:8082")
    URI funding();

    @WithName("review.url")
    @WithDefault("http://localhost:8083")
    URI review();

    @WithName("org.management-url")
    @WithDefault("http://localhost:9081")
    URI orgManagement();

    @WithName("funding.management-url")
    @WithDefault("http://localhost:9082")
    URI fundingManagement();

    @WithName("review.management-url")
    @WithDefault("http://localhost:9083")
    URI reviewManagement();
}
