package luoshi.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four services start from their jars on a real MariaDB and find one another. */
class SystemStartTest {

    static LuoshiSystem system;

    @BeforeAll
    static void start() {
        system = LuoshiSystem.get();
    }

    @Test
    void theGatewayReportsEveryServiceUp() {
        // each probe has a 2 s timeout, which a loaded 2-core machine can miss now and then
        Poll.until("gateway health UP", Duration.ofSeconds(60),
                () -> given().baseUri(system.gateway().toString()).get("/q/health").statusCode() == 200);
        given().baseUri(system.gateway().toString()).get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'downstream services' }.data.org-service", is("UP"))
                .body("checks.find { it.name == 'downstream services' }.data.funding-service", is("UP"))
                .body("checks.find { it.name == 'downstream services' }.data.review-service", is("UP"));
    }

    @Test
    void theGatewayServesSwaggerUi() {
        given().baseUri(system.gateway().toString()).get("/q/swagger-ui/").then().statusCode(200);
    }
}
