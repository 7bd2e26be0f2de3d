package luoshi.gateway;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.gateway.ComplianceFixtures.items;
import static luoshi.gateway.ComplianceViewsTest.stubItems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import luoshi.gateway.client.RequestIds;
import org.junit.jupiter.api.Test;

/** Every call has a request id: the caller's or a new one, passed to every service and answered back. */
@QuarkusTest
class RequestIdTest extends DownstreamTest {

    private static final String COUNTY = "330681";   // 诸暨市

    @Test
    void theCallersIdIsPassedToEveryServiceAndReturned() {
        stubAll();

        given().auth().oauth2(ADMIN).header(RequestIds.HEADER, "zj-330681-0001").get("/api/v1/compliance/{code}", COUNTY)
                .then().statusCode(200).header(RequestIds.HEADER, is("zj-330681-0001"));
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(1, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/" + COUNTY))
                    .withHeader(RequestIds.HEADER, equalTo("zj-330681-0001")));
        }
    }

    @Test
    void withoutOneTheGatewayMakesOneAndPassesIt() {
        stubAll();

        String id = given().auth().oauth2(ADMIN).get("/api/v1/compliance/{code}", COUNTY).then().statusCode(200)
                .extract().header(RequestIds.HEADER);
        assertThat(UUID.fromString(id)).hasToString(id);
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(1, getRequestedFor(urlPathEqualTo("/internal/v1/compliance/regions/" + COUNTY))
                    .withHeader(RequestIds.HEADER, equalTo(id)));
        }
    }

    @Test
    void anIdUnfitForALogLineIsReplaced() {
        String id = given().auth().oauth2(ADMIN).header(RequestIds.HEADER, "bad id\" injected").get("/q/openapi").then()
                .extract().header(RequestIds.HEADER);
        assertThat(UUID.fromString(id)).hasToString(id);
    }

    private void stubAll() {
        for (WireMock service : List.of(org, funding, review)) {
            stubItems(service, COUNTY, toJson(items(COUNTY, "诸暨市")));
        }
    }
}
