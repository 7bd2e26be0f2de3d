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
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The gateway serves health (with its downstream services), OpenAPI and Swagger UI. */
@QuarkusTest
class GatewayFoundationTest extends DownstreamTest {

    @Test
    void healthReportsEachDownstreamService() {
        org.register(get("/q/health/ready").willReturn(okJson("{\"status\":\"UP\"}")));
        funding.register(get("/q/health/ready").willReturn(status(503)));
        review.register(get("/q/health/ready").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().auth().oauth2(ADMIN).get("/q/health").then().statusCode(503)
                .body("checks.name", hasItem("downstream services"))
                .body("checks.find { it.name == 'downstream services' }.data.org-service", is("UP"))
                .body("checks.find { it.name == 'downstream services' }.data.funding-service", is("DOWN (503)"))
                .body("checks.find { it.name == 'downstream services' }.data.review-service", is("DOWN (unreachable)"));
    }

    @Test
    void readinessDoesNotDependOnDownstreamServices() {
        given().auth().oauth2(ADMIN).get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        given().auth().oauth2(ADMIN).get("/q/openapi").then().statusCode(200).body(containsString("Luoshi"));
        given().auth().oauth2(ADMIN).get("/q/swagger-ui/").then().statusCode(200);
    }
}
