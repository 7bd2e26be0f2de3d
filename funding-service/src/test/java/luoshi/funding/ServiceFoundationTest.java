package luoshi.funding;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import luoshi.testing.MariaDbTestResource;
import luoshi.testing.JwtTestResource;
import luoshi.testing.ServiceFoundationChecks;
import org.junit.jupiter.api.Test;

/** The service runs on a real MariaDB, migrated by Flyway, with health, OpenAPI and problem details. */
@QuarkusTest
@QuarkusTestResource(value = MariaDbTestResource.class, initArgs = @ResourceArg(name = "schema", value = "funding"))
@QuarkusTestResource(JwtTestResource.class)
class ServiceFoundationTest extends ServiceFoundationChecks {

    ServiceFoundationTest() {
        super("funding");
    }

    @Test
    void theOpenApiDocumentDescribesTheFundingContractWithExamples() {
        given().auth().oauth2(ADMIN).get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/funding/batch"))
                .body(containsString("/api/v1/union-fees/{regionCode}/{year}"))
                .body(containsString("/internal/v1/compliance/regions/{regionCode}/rollup"))
                .body(containsString("绍市财〔2025〕12号"));
    }
}
