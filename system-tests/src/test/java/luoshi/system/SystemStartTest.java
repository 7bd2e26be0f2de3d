package luoshi.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four services start from their jars on a real MariaDB, each with its own accounts, and find one another; their
 * health and metrics are on their management ports, not on the public ones.
 */
class SystemStartTest {

    static LuoshiSystem system;

    @BeforeAll
    static void start() {
        system = LuoshiSystem.get();
    }

    @Test
    void theGatewayReportsEveryServiceUp() {
        URI management = system.managementUrl("gateway");
        // each probe has a 2 s timeout, which a loaded 2-core machine can miss now and then
        Poll.until("gateway health UP", Duration.ofSeconds(60),
                () -> given().baseUri(management.toString()).port(management.getPort()).get("/q/health").statusCode() == 200);
        given().baseUri(management.toString()).port(management.getPort()).get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'downstream services' }.data.org-service", is("UP"))
                .body("checks.find { it.name == 'downstream services' }.data.funding-service", is("UP"))
                .body("checks.find { it.name == 'downstream services' }.data.review-service", is("UP"));
    }

    @Test
    void metricsAndHealthAreOnTheManagementPortsOnly() {
        for (String service : List.of("gateway", "org-service", "funding-service", "review-service")) {
            URI management = system.managementUrl(service);
            given().baseUri(management.toString()).port(management.getPort()).get("/q/metrics").then().statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
            URI api = system.url(service);
            for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
                given().baseUri(api.toString()).port(api.getPort()).get(path).then().statusCode(404)
                        .contentType("application/problem+json");
            }
        }
    }

    @Test
    void theGatewayServesSwaggerUi() {
        given().baseUri(system.gateway().toString()).get("/q/swagger-ui/").then().statusCode(200);
    }
}
