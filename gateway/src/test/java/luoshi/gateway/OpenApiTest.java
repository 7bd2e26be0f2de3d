package luoshi.gateway;

import static luoshi.security.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import luoshi.api.common.IdempotencyKey;
import org.junit.jupiter.api.Test;

/**
 * The gateway's one OpenAPI document describes every path of API.md that it serves, with a summary
 * and its error answers; the internal interfaces stay out of it. {@link #API_PATHS} is every path of
 * ../shared/API.md.
 */
@QuarkusTest
class OpenApiTest extends DownstreamTest {

    /** Path of API.md → its methods. */
    static final Map<String, List<String>> API_PATHS = Map.ofEntries(
            // Regions and population — org-service
            Map.entry("/api/v1/regions/{code}", List.of("put", "get")),
            Map.entry("/api/v1/regions/{code}/children", List.of("get")),
            Map.entry("/api/v1/regions/{code}/population/{year}", List.of("put")),
            Map.entry("/api/v1/regions/batch", List.of("post")),
            // Organisations and leaders — org-service
            Map.entry("/api/v1/organizations", List.of("post", "get")),
            Map.entry("/api/v1/organizations/{id}/leaders", List.of("post", "get")),
            Map.entry("/api/v1/organizations/batch", List.of("post")),
            // Committee terms, meetings, documents — review-service
            Map.entry("/api/v1/committee-terms", List.of("post", "get")),
            Map.entry("/api/v1/committee-terms/batch", List.of("post")),
            Map.entry("/api/v1/meetings", List.of("post", "get")),
            Map.entry("/api/v1/meetings/batch", List.of("post")),
            Map.entry("/api/v1/meetings/{id}", List.of("delete")),
            Map.entry("/api/v1/documents", List.of("post")),
            Map.entry("/api/v1/documents/batch", List.of("post")),
            // Funding — funding-service
            Map.entry("/api/v1/funding", List.of("post", "get")),
            Map.entry("/api/v1/funding/batch", List.of("post")),
            Map.entry("/api/v1/funding/{id}", List.of("delete")),
            Map.entry("/api/v1/union-fees/{regionCode}/{year}", List.of("put")),
            Map.entry("/api/v1/union-fees/batch", List.of("post")),
            // Requirements catalog
            Map.entry("/api/v1/requirements", List.of("get", "post")),
            Map.entry("/api/v1/requirements/{id}/parameters/{regionCode}", List.of("put")),
            // Compliance — aggregated by the gateway
            Map.entry("/api/v1/compliance/{regionCode}", List.of("get")),
            Map.entry("/api/v1/compliance/{regionCode}/rollup", List.of("get")),
            // Reminders and webhooks — review-service
            Map.entry("/api/v1/reminders/run", List.of("post")),
            Map.entry("/api/v1/reminders", List.of("get")),
            Map.entry("/api/v1/webhooks", List.of("post", "get")),
            Map.entry("/api/v1/webhooks/{id}", List.of("delete")),
            Map.entry("/api/v1/webhooks/{id}/deliveries", List.of("get")),
            // added by the security issue
            Map.entry("/api/v1/audit", List.of("get")));

    @Test
    void everyPathOfTheContractIsDocumented() {
        JsonNode paths = document().get("paths");
        List<String> missing = new ArrayList<>();
        API_PATHS.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = paths.path(path).path(method);
            if (operation.isMissingNode() || operation.path("summary").asText().isBlank()) {
                missing.add(method.toUpperCase() + " " + path);
            }
        }));
        assertThat(missing).isEmpty();
    }

    @Test
    void theComplianceViewsDocumentTheirAnswersAndErrors() {
        JsonNode rollup = document().get("paths").get("/api/v1/compliance/{regionCode}/rollup").get("get");
        assertThat(rollup.get("responses").fieldNames()).toIterable().contains("200", "400", "404");
        assertThat(rollup.get("responses").get("200").toString()).contains("绍兴市", "complianceRate");
        assertThat(rollup.get("parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("regionCode", "year", "asOf", "Cache-Control", "X-Request-Id");
        JsonNode schemas = document().get("components").get("schemas");
        assertThat(schemas.get("ComplianceRollup").get("properties").fieldNames()).toIterable()
                .contains("regionCode", "year", "asOf", "counts", "complianceRate", "children", "byRequirement", "incomplete");
        assertThat(schemas.get("StatusCounts").get("properties").fieldNames()).toIterable()
                .containsExactly("COMPLIANT", "PENDING", "NON_COMPLIANT", "NO_DATA", "NOT_APPLICABLE");
    }

    @Test
    void aRuleIsDescribedAsAJsonObjectSoThatTryItOutSendsOne() {
        JsonNode schemas = document().get("components").get("schemas");
        String rule = schemas.get("NewRequirement").get("properties").get("rule").get("$ref").asText();
        JsonNode ruleSchema = schemas.get(rule.substring(rule.lastIndexOf('/') + 1));
        assertThat(ruleSchema.get("type").asText()).isEqualTo("object");
        assertThat(ruleSchema.get("example").get("type").asText()).isEqualTo("FUNDING_MIN_AMOUNT");
    }

    @Test
    void everyPostTakesAnIdempotencyKeyAndDocumentsItsRefusals() {
        List<String> undocumented = new ArrayList<>();
        document().get("paths").fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().path("post");
            if (!post.isMissingNode() && (!post.path("parameters").findValuesAsText("name").contains(IdempotencyKey.HEADER)
                    || !post.path("responses").has("422") || !post.path("responses").has("409"))) {
                undocumented.add(path.getKey());
            }
        });
        assertThat(undocumented).isEmpty();
        assertThat(document().at("/paths/~1api~1v1~1funding/post/parameters").findValuesAsText("description"))
                .contains(IdempotencyKey.DESCRIPTION);
    }

    @Test
    void everyOperationDocumentsTheRequestId() {
        JsonNode report = document().get("paths").get("/api/v1/compliance/{regionCode}").get("get");
        assertThat(report.get("parameters").findValuesAsText("name")).contains("X-Request-Id");
        assertThat(report.get("responses").get("200").get("headers").has("X-Request-Id")).isTrue();
        assertThat(report.get("responses").get("404").get("headers").has("X-Request-Id")).isTrue();
    }

    @Test
    void everyOperationRequiresABearerTokenAndDocumentsTheRefusals() {
        JsonNode doc = document();
        JsonNode scheme = doc.get("components").get("securitySchemes").get("bearer");
        assertThat(scheme.get("type").asText()).isEqualTo("http");
        assertThat(scheme.get("scheme").asText()).isEqualTo("bearer");
        assertThat(doc.get("security").get(0).has("bearer")).isTrue();
        assertThat(doc.get("components").get("schemas").has("Problem")).isTrue();
        doc.get("paths").forEach(path -> path.forEach(operation ->
                assertThat(operation.get("responses").fieldNames()).toIterable().contains("401", "403")));
    }

    @Test
    void internalInterfacesAreNotPublic() {
        assertThat(document().get("paths").fieldNames()).toIterable().noneMatch(p -> p.startsWith("/internal"));
    }

    private JsonNode document() {
        return exact(given().auth().oauth2(ADMIN).accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }
}
