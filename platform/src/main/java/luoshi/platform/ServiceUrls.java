package luoshi.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;

/**
 * Where the services listen ({@code luoshi.services.org.url} …), for the services that call one another (environment:
 * {@code LUOSHI_SERVICES_ORG_URL}, {@code LUOSHI_SERVICES_FUNDING_URL}, {@code LUOSHI_SERVICES_REVIEW_URL}).
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
}
