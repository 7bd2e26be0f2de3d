package luoshi.gateway;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import luoshi.api.common.Problem;
import luoshi.gateway.client.RequestIds;
import luoshi.gateway.sample.SampleRoutes;
import org.junit.jupiter.api.Test;

/**
 * The routing pattern ({@link SampleRoutes}, gateway/README.md): a public interface re-exposed by one
 * short class answers what the service answered.
 */
@QuarkusTest
class RouteTest extends DownstreamTest {

    private static final String SAMPLES = "/api/v1/route-samples";

    @Test
    void aReadRelaysTheAnswerAndIsRetriedOnceAfterAFault() {
        org.register(get(urlPathEqualTo(SAMPLES + "/330602")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(serverError()).willSetStateTo("recovered"));
        org.register(get(urlPathEqualTo(SAMPLES + "/330602")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"code\":\"330602\",\"name\":\"越城区\"}")));

        given().auth().oauth2(ADMIN).header(RequestIds.HEADER, "route-1").get(SAMPLES + "/330602").then().statusCode(200)
                .body("name", is("越城区"));
        org.verifyThat(2, getRequestedFor(urlPathEqualTo(SAMPLES + "/330602"))
                .withHeader(RequestIds.HEADER, equalTo("route-1")));
    }

    @Test
    void aNotFoundPassesThroughUnchanged() {
        org.register(get(urlPathEqualTo(SAMPLES + "/330699")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", Problem.MEDIA_TYPE)
                .withBody(toJson(Problem.of(404, "Not Found", "No region 330699.")))));

        given().auth().oauth2(ADMIN).get(SAMPLES + "/330699").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", is("Not Found"))
                .body("detail", is("No region 330699."));
        org.verifyThat(1, getRequestedFor(urlPathEqualTo(SAMPLES + "/330699")));
    }

    @Test
    void aCreatedAnswerKeepsItsStatusBodyAndPathButNotTheServicesHost() {
        org.register(post(urlPathEqualTo(SAMPLES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", "http://org-service.internal:8081" + SAMPLES + "/330603")
                .withBody("{\"code\":\"330603\",\"name\":\"柯桥区\"}")));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"code\":\"330603\",\"name\":\"柯桥区\"}").post(SAMPLES)
                .then().statusCode(201)
                .header("Location", endsWith(SAMPLES + "/330603"))
                .header("Location", not(startsWith("http://org-service.internal")))
                .body("name", is("柯桥区"));
    }

    @Test
    void badInputIsRefusedByTheInterfacesValidationBeforeAnyCall() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"code\":\"\",\"name\":\"柯桥区\"}").post(SAMPLES)
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", is("code"));
        assertNoServiceWasCalled();
    }

    @Test
    void aBatchImportMayTakeLongerThanTheTimeoutOfOtherCalls() {
        org.register(post(urlPathEqualTo(SAMPLES + "/batch"))
                .willReturn(okJson("2").withFixedDelay((int) (Downstream.TIMEOUT_MS + 1000))));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("[{\"code\":\"330602\"},{\"code\":\"330603\"}]")
                .post(SAMPLES + "/batch").then().statusCode(200).body(is("2"));
    }

    @Test
    void aNoContentWriteIs204() {
        org.register(delete(urlPathEqualTo(SAMPLES + "/330604")).willReturn(aResponse().withStatus(204)));

        given().auth().oauth2(ADMIN).delete(SAMPLES + "/330604").then().statusCode(204);
        org.verifyThat(1, deleteRequestedFor(urlPathEqualTo(SAMPLES + "/330604")));
    }
}
