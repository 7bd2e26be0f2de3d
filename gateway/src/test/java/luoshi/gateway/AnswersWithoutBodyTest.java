package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * A generated client asks for {@code application/problem+json} alone when an operation's success has no body:
 * the 204 is answered, not refused with 406. A 201's {@code Location} reaches the caller with the gateway's host.
 */
@QuarkusTest
class AnswersWithoutBodyTest extends DownstreamTest {

    @Test
    void aDeleteAskedWithProblemJsonAloneIsAnswered204() {
        funding.register(delete(urlPathEqualTo("/api/v1/funding/41")).willReturn(aResponse().withStatus(204)));

        given().auth().oauth2(ADMIN).accept("application/problem+json").delete("/api/v1/funding/41")
                .then().statusCode(204);
    }

    @Test
    void aCreateAnswersTheLocationOfWhatItCreated() {
        funding.register(post(urlPathEqualTo("/api/v1/funding")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", "http://funding.internal:8082/api/v1/funding/42")
                .withBody("""
                        {"id":"42","regionCode":"330602001","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,
                         "amount":"20000.00","documentRef":"绍市财〔2025〕12号"}""")));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).accept("application/json")
                .body("""
                        {"regionCode":"330602001","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"20000.00","documentRef":"绍市财〔2025〕12号"}""")
                .post("/api/v1/funding")
                .then().statusCode(201)
                .header("Location", endsWith(":" + io.restassured.RestAssured.port + "/api/v1/funding/42"))
                .body("id", is("42"));
    }
}
