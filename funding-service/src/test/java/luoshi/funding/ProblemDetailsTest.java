package luoshi.funding;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import luoshi.testing.ProblemDetailsChecks;
import org.junit.jupiter.api.Test;

/**
 * funding-service's errors, its HTTP layer's included, are problem details whatever Accept says; a create answers
 * where it created, and a delete asked for with {@code Accept: application/problem+json} alone (as generated
 * clients ask) is done.
 */
@QuarkusTest
class ProblemDetailsTest extends ProblemDetailsChecks {

    ProblemDetailsTest() {
        super(ADMIN, "/api/v1/funding?fiscalYear=1800", "/api/v1/funding");
    }

    @Inject
    ReplicaRows replica;

    @Test
    void aCreateAnswersItsLocationAndItsDeleteAcceptsProblemJsonAlone() {
        replica.region("330106", "西湖区").region("330106011", "蒋村街道");
        ExtractableResponse<Response> created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .accept("application/problem+json")
                .body(FundingRecordsTest.json("330106011", "YOUTH_LEAGUE_WORK", 2025, "\"20000.00\"", "绍市财〔2025〕12号"))
                .post("/api/v1/funding").then().statusCode(201).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).matches("http://[^/]+/api/v1/funding/" + id);

        given().auth().oauth2(ADMIN).accept("application/problem+json").delete("/api/v1/funding/" + id)
                .then().statusCode(204);
        given().auth().oauth2(ADMIN).accept("application/problem+json").delete("/api/v1/funding/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }
}
