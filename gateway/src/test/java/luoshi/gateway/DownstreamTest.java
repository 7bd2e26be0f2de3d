package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import luoshi.platform.ServiceUrls;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.testing.JwtTestResource;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every gateway test: WireMock clients of the three services ({@link Downstream}), reset
 * before each test together with the circuit breakers, so that no test depends on another.
 */
@QuarkusTestResource(Downstream.class)
@QuarkusTestResource(JwtTestResource.class)
public abstract class DownstreamTest {

    protected WireMock org;
    protected WireMock funding;
    protected WireMock review;

    @Inject
    protected ObjectMapper json;

    @Inject
    ServiceUrls urls;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void resetDownstream() {
        org = client(urls.org());
        funding = client(urls.funding());
        review = client(urls.review());
        List.of(org, funding, review).forEach(WireMock::resetMappings);
        List.of(org, funding, review).forEach(WireMock::resetRequests);
        breakers.resetAll();
    }

    /** Bad input stops at the gateway. */
    protected void assertNoServiceWasCalled() {
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(0, anyRequestedFor(anyUrl()));
        }
    }

    private static WireMock client(URI base) {
        return new WireMock(base.getHost(), base.getPort());
    }

    protected String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer read with exact decimals, so that a rate is compared with its scale (0.7143, 1.0000). */
    protected JsonNode exact(String body) {
        try {
            return json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's own catalog at {@code GET /api/v1/requirements}. */
    protected void catalog(WireMock service, Requirement... requirements) {
        service.register(get(urlPathEqualTo("/api/v1/requirements"))
                .willReturn(okJson(toJson(new RequirementList(List.of(requirements))))));
    }
}
