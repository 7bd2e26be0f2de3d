package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

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
import java.util.Arrays;
import java.util.List;
import luoshi.platform.ServiceUrls;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.api.requirement.RuleTypeDeclaration;
import luoshi.api.requirement.RuleTypeList;
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

    /**
     * Bad input stops at the gateway: no call reached a service (but the gateway's own polls of the services' answer
     * versions, which it makes whatever callers ask: KeptAnswersTest).
     */
    protected void assertNoServiceWasCalled() {
        for (WireMock service : List.of(org, funding, review)) {
            service.verifyThat(0, anyRequestedFor(urlPathMatching("(?!" + ANSWER_VERSIONS + ").*")));
        }
    }

    /** The path of every service's answer-version feed, which the gateway polls from its start. */
    protected static final String ANSWER_VERSIONS = "/internal/v1/answer-versions";

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

    /** The rule types a service declares at {@code GET /api/v1/rule-types}, each with a one-field example rule. */
    protected void ruleTypes(WireMock service, String owner, String... types) {
        List<RuleTypeDeclaration> items = Arrays.stream(types).map(type -> new RuleTypeDeclaration(type, owner,
                json.createObjectNode().put("type", type), List.of(), null)).toList();
        service.register(get(urlPathEqualTo("/api/v1/rule-types")).willReturn(okJson(toJson(new RuleTypeList(items)))));
    }

    /** The rule types the three services evaluate today (rule-core/README.md), each declared by its service. */
    protected void ruleTypesOfTheThreeServices() {
        ruleTypes(org, "org", "LEADER_EMPLOYMENT", "LEADER_SHARE", "ORGANIZATION_COVERAGE");
        ruleTypes(funding, "funding", "COLLECTION_RATE", "FUNDING_MIN_AMOUNT", "FUNDING_PER_CAPITA");
        ruleTypes(review, "review", "DOCUMENT_SUBMITTED", "MEETING_COUNT");
    }

    /** The service's own catalog at {@code GET /api/v1/requirements}. */
    protected void catalog(WireMock service, Requirement... requirements) {
        service.register(get(urlPathEqualTo("/api/v1/requirements"))
                .willReturn(okJson(toJson(new RequirementList(List.of(requirements))))));
    }
}
