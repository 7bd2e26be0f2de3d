package luoshi.gateway;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import luoshi.testing.Management;
import org.junit.jupiter.api.Test;

/**
 * The gateway serves health (with its downstream services, asked on their management interfaces) and metrics on its
 * management port only, OpenAPI, Swagger UI and the dashboard ({@code /}, issue #28) on its public port.
 */
@QuarkusTest
class GatewayFoundationTest extends DownstreamTest {

    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Test
    void healthReportsEachDownstreamService() {
        org.register(get("/q/health/ready").willReturn(okJson("{\"status\":\"UP\"}")));
        funding.register(get("/q/health/ready").willReturn(status(503)));
        review.register(get("/q/health/ready").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Management.given(management).get("/q/health").then().statusCode(503)
                .body("checks.name", hasItem("downstream services"))
                .body("checks.find { it.name == 'downstream services' }.data.org-service", is("UP"))
                .body("checks.find { it.name == 'downstream services' }.data.funding-service", is("DOWN (503)"))
                .body("checks.find { it.name == 'downstream services' }.data.review-service", is("DOWN (unreachable)"));
    }

    @Test
    void readinessDoesNotDependOnDownstreamServices() {
        Management.given(management).get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void metricsAndHealthAreOnTheManagementPortOnly() {
        Management.given(management).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void servesTheDashboardAtTheRootWithoutATokenWhileEveryApiCallStillNeedsOne() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"));
        given().get("/dashboard/dashboard.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/dashboard/dashboard.css").then().statusCode(200).contentType(containsString("text/css"));
        // ECharts from its webjar, by the path index.html names: served by the gateway, nothing from the internet
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        given().get("/api/v1/compliance/330600/rollup").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        given().auth().oauth2(ADMIN).get("/q/openapi").then().statusCode(200).body(containsString("Luoshi"));
        given().auth().oauth2(ADMIN).get("/q/swagger-ui/").then().statusCode(200);
    }
}
