package luoshi.gateway;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import luoshi.platform.IdempotencyKey;
import org.junit.jupiter.api.Test;

/**
 * The gateway's one OpenAPI document describes every path of API.md that it serves, with a summary
 * and its error answers; the internal interfaces stay out of it. {@link #API_PATHS} is every path of
 * docs/API.md.
 */
@QuarkusTest
class OpenApiTest extends DownstreamTest {

    /** Path of API.md → its methods. */
    static final Map<String, List<String>> API_PATHS = Map.ofEntries(
            // Regions and population — org-service
            Map.entry("/api/v1/regions/{code}", List.of("put", "get")),
            Map.entry("/api/v1/regions/{code}/children", List.of("get")),
            Map.entry("/api/v1/regions/{code}/population/{year}", List.of("put", "delete")),
            Map.entry("/api/v1/regions/batch", List.of("post")),
            // Organisations and leaders — org-service
            Map.entry("/api/v1/organizations", List.of("post", "get")),
            Map.entry("/api/v1/organizations/{id}/leaders", List.of("post", "get")),
            Map.entry("/api/v1/organizations/batch", List.of("post")),
            // Corrections — org-service
            Map.entry("/api/v1/organizations/{id}", List.of("get", "patch", "delete")),
            Map.entry("/api/v1/organizations/{id}/leaders/{leaderId}", List.of("patch", "delete")),
            // Committee terms, meetings, documents — review-service
            Map.entry("/api/v1/committee-terms", List.of("post", "get")),
            Map.entry("/api/v1/committee-terms/batch", List.of("post")),
            Map.entry("/api/v1/meetings", List.of("post", "get")),
            Map.entry("/api/v1/meetings/batch", List.of("post")),
            Map.entry("/api/v1/meetings/{id}", List.of("delete", "put")),
            Map.entry("/api/v1/documents", List.of("post")),
            Map.entry("/api/v1/documents/batch", List.of("post")),
            // Corrections (issue 14) — review-service
            Map.entry("/api/v1/committee-terms/{id}", List.of("put", "delete")),
            Map.entry("/api/v1/documents/{id}", List.of("get", "put", "delete")),
            // Satisfaction assessments — review-service
            Map.entry("/api/v1/assessments", List.of("post", "get")),
            Map.entry("/api/v1/assessments/{id}", List.of("get", "put", "delete")),
            // Funding — funding-service
            Map.entry("/api/v1/funding", List.of("post", "get")),
            Map.entry("/api/v1/funding/batch", List.of("post")),
            Map.entry("/api/v1/funding/{id}", List.of("get", "put", "patch", "delete")),
            Map.entry("/api/v1/union-fees/{regionCode}/{year}", List.of("put", "delete")),
            Map.entry("/api/v1/union-fees/batch", List.of("post")),
            // Requirements catalog
            Map.entry("/api/v1/requirements", List.of("get", "post")),
            Map.entry("/api/v1/requirements/{id}/parameters/{regionCode}", List.of("put")),
            Map.entry("/api/v1/rule-types", List.of("get")),
            // Catalog versions, waivers, owners (issue 17)
            Map.entry("/api/v1/requirements/{id}", List.of("get", "put")),
            Map.entry("/api/v1/requirements/{id}/owners/{regionCode}", List.of("put")),
            Map.entry("/api/v1/requirements/{id}/owners", List.of("get")),
            Map.entry("/api/v1/waivers", List.of("post", "get")),
            Map.entry("/api/v1/waivers/{id}", List.of("delete")),
            // Compliance — aggregated by the gateway
            Map.entry("/api/v1/compliance/{regionCode}", List.of("get")),
            Map.entry("/api/v1/compliance/{regionCode}/rollup", List.of("get")),
            Map.entry("/api/v1/compliance/{regionCode}/items", List.of("get")),
            Map.entry("/api/v1/compliance/{regionCode}/report", List.of("get")),
            // Evaluation (third wave) — the gateway, from the services' rollups
            Map.entry("/api/v1/evaluation/{regionCode}", List.of("get")),
            Map.entry("/api/v1/compliance/{regionCode}/trend", List.of("get")),
            Map.entry("/api/v1/snapshots/run", List.of("post")),
            // Reminders and webhooks — review-service
            Map.entry("/api/v1/reminders/run", List.of("post")),
            Map.entry("/api/v1/reminders", List.of("get")),
            Map.entry("/api/v1/webhooks", List.of("post", "get")),
            Map.entry("/api/v1/webhooks/{id}", List.of("delete")),
            Map.entry("/api/v1/webhooks/{id}/deliveries", List.of("get")),
            // Rectification (issue 26) — review-service
            Map.entry("/api/v1/rectifications", List.of("post", "get")),
            Map.entry("/api/v1/rectifications/{id}", List.of("get")),
            Map.entry("/api/v1/rectifications/{id}/submit", List.of("post")),
            Map.entry("/api/v1/rectifications/{id}/verify", List.of("post")),
            Map.entry("/api/v1/rectifications/{id}/reject", List.of("post")),
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

    /** API.md, "Follow-up list and readable answers": each status in Chinese and English; the list in its three types. */
    @Test
    void theStatusesAreDescribedInChineseAndEnglishAndTheFollowUpListInItsThreeTypes() {
        JsonNode schemas = document().get("components").get("schemas");
        assertThat(schemas.get("ComplianceStatus").get("description").asText()).contains("`COMPLIANT`: 已落实",
                "`PENDING`: 未到期", "`NON_COMPLIANT`: 未落实", "`NO_DATA`: 缺数据", "`NOT_APPLICABLE`: 不适用");
        assertThat(schemas.get("ItemReason").get("enum")).extracting(JsonNode::asText).containsExactly("LEVEL",
                "OUTSIDE_ISSUER", "NO_THRESHOLD", "WAIVED", "NO_TERM", "NO_FACTS");
        assertThat(schemas.get("ComplianceItem").get("properties").fieldNames()).toIterable()
                .contains("title", "reason", "missing");
        JsonNode list = document().get("paths").get("/api/v1/compliance/{regionCode}/items").get("get");
        assertThat(list.get("operationId").asText()).isEqualTo("getFollowUpList");
        assertThat(list.get("responses").get("200").get("content").fieldNames()).toIterable().containsExactly(
                "application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(list.get("parameters").findValuesAsText("name")).contains("status", "level", "requirementId", "page",
                "size");
        // the report of a region and year (API.md, "Reports"): both media types, 406 for any other, public
        JsonNode report = document().get("paths").get("/api/v1/compliance/{regionCode}/report").get("get");
        assertThat(report.get("operationId").asText()).isEqualTo("getComplianceReportFile");
        assertThat(report.get("responses").get("200").get("content").fieldNames()).toIterable().containsExactly(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf");
        assertThat(report.get("responses").fieldNames()).toIterable().contains("400", "401", "403", "404", "406", "503");
        assertThat(report.get("parameters").findValuesAsText("name")).contains("regionCode", "year", "asOf");
    }

    @Test
    void theComplianceViewsDocumentTheirAnswersAndErrors() {
        JsonNode rollup = document().get("paths").get("/api/v1/compliance/{regionCode}/rollup").get("get");
        assertThat(rollup.get("responses").fieldNames()).toIterable().contains("200", "400", "404");
        assertThat(rollup.get("responses").get("200").toString()).contains("绍兴市", "complianceRate");
        assertThat(rollup.get("parameters").findValuesAsText("name"))
                .containsExactlyInAnyOrder("regionCode", "year", "asOf", "Cache-Control", "X-Request-Id", "If-None-Match",
                        "Luoshi-Consistency");
        assertThat(rollup.get("responses").fieldNames()).toIterable().contains("304");   // conditional reads (#29)
        JsonNode schemas = document().get("components").get("schemas");
        assertThat(schemas.get("ComplianceRollup").get("properties").fieldNames()).toIterable()
                .contains("regionCode", "year", "asOf", "counts", "complianceRate", "children", "byRequirement", "incomplete");
        assertThat(schemas.get("StatusCounts").get("properties").fieldNames()).toIterable()
                .containsExactly("COMPLIANT", "PENDING", "NON_COMPLIANT", "NO_DATA", "NOT_APPLICABLE", "waived");
    }

    /** Issue 17: versions, owners and waivers, each documented with its Chinese examples and its refusals. */
    @Test
    void theVersionsOwnersAndWaiversAreDocumentedWithChineseExamples() {
        JsonNode doc = document();
        JsonNode paths = doc.get("paths");
        JsonNode get = paths.get("/api/v1/requirements/{id}").get("get");
        assertThat(get.get("operationId").asText()).isEqualTo("getRequirement");
        assertThat(get.get("responses").get("200").toString()).contains("#/components/schemas/Requirement");
        JsonNode change = paths.get("/api/v1/requirements/{id}").get("put");
        assertThat(change.get("operationId").asText()).isEqualTo("updateRequirement");
        assertThat(change.get("responses").fieldNames()).toIterable().contains("200", "400", "403", "404", "409");
        JsonNode owner = paths.get("/api/v1/requirements/{id}/owners/{regionCode}").get("put");
        assertThat(owner.get("operationId").asText()).isEqualTo("putRequirementOwner");
        JsonNode owners = paths.get("/api/v1/requirements/{id}/owners").get("get");
        assertThat(owners.get("operationId").asText()).isEqualTo("listRequirementOwners");
        assertThat(owners.get("responses").get("200").toString()).contains("#/components/schemas/OwnerList");
        JsonNode create = paths.get("/api/v1/waivers").get("post");
        assertThat(create.get("operationId").asText()).isEqualTo("createWaiver");
        assertThat(create.get("tags").get(0).asText()).isEqualTo("waivers");
        assertThat(create.get("responses").fieldNames()).toIterable().contains("201", "400", "403", "404", "409", "422");
        assertThat(create.get("responses").get("201").toString()).contains("Waiver");
        assertThat(paths.get("/api/v1/waivers").get("get").get("operationId").asText()).isEqualTo("listWaivers");
        JsonNode revoke = paths.get("/api/v1/waivers/{id}").get("delete");
        assertThat(revoke.get("operationId").asText()).isEqualTo("deleteWaiver");
        assertThat(revoke.get("responses").fieldNames()).toIterable().contains("204", "403", "404");

        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("NewWaiver").toString()).contains("台风", "越政办〔2025〕12号", "330602001");
        assertThat(schemas.get("Waiver").get("properties").fieldNames()).toIterable()
                .contains("id", "approvedBy", "approvedByRegion", "revokedAt");
        assertThat(schemas.get("OwnerWrite").toString()).contains("绍兴市妇联");
        assertThat(schemas.get("ItemOwner").toString()).contains("责任单位");
        assertThat(schemas.get("ComplianceItem").get("properties").fieldNames()).toIterable()
                .contains("requirementVersion", "waiver", "owner");
        assertThat(schemas.get("Requirement").get("properties").fieldNames()).toIterable()
                .contains("version", "effectiveFrom", "effectiveTo", "weight", "dimension", "versions");
        assertThat(schemas.get("RequirementChange").toString()).contains("2027-01-01", "30000.00");
    }

    @Test
    void theCorrectionsOfFundingAreDocumentedWithTheirAnswersAndErrors() {
        JsonNode paths = document().get("paths");
        JsonNode update = paths.get("/api/v1/funding/{id}").get("put");
        assertThat(update.get("operationId").asText()).isEqualTo("updateFunding");
        assertThat(update.get("requestBody").toString()).contains("330602001", "20000.00");
        assertThat(update.get("responses").fieldNames()).toIterable().contains("200", "400", "403", "404");
        assertThat(update.get("responses").get("200").toString()).contains("FundingRecord");
        assertThat(paths.get("/api/v1/funding/{id}").get("get").get("operationId").asText()).isEqualTo("getFunding");
        JsonNode delete = paths.get("/api/v1/union-fees/{regionCode}/{year}").get("delete");
        assertThat(delete.get("operationId").asText()).isEqualTo("deleteUnionFees");
        assertThat(delete.get("responses").fieldNames()).toIterable().contains("204", "403", "404");
    }

    /** API.md, "Versions and ETags": the writes of every correctable resource take If-Match, answer 412, and tag. */
    @Test
    void everyCorrectableResourceDocumentsIfMatchItsETagAndThe412() {
        JsonNode doc = document();
        Map<String, List<String>> correctable = Map.of(
                "/api/v1/organizations/{id}", List.of("get", "patch", "delete"),
                "/api/v1/organizations/{id}/leaders/{leaderId}", List.of("patch", "delete"),
                "/api/v1/regions/{code}", List.of("get", "put"),
                "/api/v1/regions/{code}/population/{year}", List.of("get", "put", "delete"),
                "/api/v1/committee-terms/{id}", List.of("put", "delete"),
                "/api/v1/meetings/{id}", List.of("put", "delete"),
                "/api/v1/documents/{id}", List.of("get", "put", "delete"),
                "/api/v1/assessments/{id}", List.of("get", "put", "delete"),
                "/api/v1/funding/{id}", List.of("get", "put", "patch", "delete"),
                "/api/v1/union-fees/{regionCode}/{year}", List.of("get", "put", "delete"));
        List<String> wrong = new ArrayList<>();
        correctable.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode op = doc.get("paths").get(path).get(method);
            String where = method.toUpperCase() + " " + path;
            boolean ifMatch = op.path("parameters").findValuesAsText("name").contains("If-Match");
            if (method.equals("get") == ifMatch) {
                wrong.add(where + (ifMatch ? ": If-Match on a read" : ": no If-Match"));
            }
            if (!method.equals("get") && !op.at("/responses/412/$ref").asText().equals("#/components/responses/PreconditionFailed")) {
                wrong.add(where + ": no 412");
            }
            if (!method.equals("delete") && !op.at("/responses/200/headers").has("ETag")) {
                wrong.add(where + ": no ETag on its 200");
            }
        }));
        assertThat(wrong).isEmpty();
        assertThat(doc.at("/components/responses/PreconditionFailed/headers").has("ETag")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1regions~1{code}/put/responses/201/headers").has("ETag")).isTrue();
        assertThat(doc.at("/components/schemas/Problem/properties").has("etag")).isTrue();
        assertThat(doc.at("/components/schemas/FundingRecord/properties/version/readOnly").asBoolean()).isTrue();
        // what has no version takes no If-Match: a webhook is deleted, never corrected
        assertThat(doc.at("/paths/~1api~1v1~1webhooks~1{id}/delete/parameters").findValuesAsText("name"))
                .doesNotContain("If-Match");
        assertThat(doc.at("/paths/~1api~1v1~1organizations/get/responses/200/headers").has("ETag")).isFalse();
        JsonNode patchFunding = doc.at("/paths/~1api~1v1~1funding~1{id}/patch");
        assertThat(patchFunding.get("operationId").asText()).isEqualTo("patchFunding");
        assertThat(patchFunding.at("/requestBody/content/application~1json/schema/$ref").asText()).endsWith("/FundingPatch");
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

    /**
     * API.md, Conventions: Swagger UI fills "Try it out" with a parameter's example, so none of the fields a person
     * must choose has one (a pre-filled Idempotency-Key made a person's second create a 422); each is described.
     */
    @Test
    void noParameterAPersonMustChooseIsPreFilled() {
        List<String> preFilled = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        int seen = 0;
        for (var path = document().get("paths").fields(); path.hasNext(); ) {
            var item = path.next();
            for (var op = item.getValue().fields(); op.hasNext(); ) {
                var operation = op.next();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String name = parameter.path("name").asText();
                    if (!List.of(IdempotencyKey.HEADER, "Cache-Control", "asOf").contains(name)) {
                        continue;
                    }
                    seen++;
                    String where = operation.getKey().toUpperCase() + " " + item.getKey() + " " + name;
                    if (parameter.has("example") || parameter.has("examples") || parameter.path("schema").has("example")
                            || parameter.path("schema").has("examples") || parameter.path("schema").has("default")) {
                        preFilled.add(where);
                    }
                    if (parameter.path("description").asText().isBlank()) {
                        undescribed.add(where);
                    }
                }
            }
        }
        assertThat(seen).as("Idempotency-Key on every POST, Cache-Control and asOf on the compliance views").isGreaterThan(20);
        assertThat(preFilled).isEmpty();
        assertThat(undescribed).isEmpty();
    }

    @Test
    void everyOperationDocumentsTheRequestId() {
        JsonNode doc = document();
        JsonNode report = doc.get("paths").get("/api/v1/compliance/{regionCode}").get("get");
        assertThat(report.get("parameters").findValuesAsText("name")).contains("X-Request-Id");
        assertThat(report.get("responses").get("200").get("headers").has("X-Request-Id")).isTrue();
        assertThat(resolve(doc, report.get("responses").get("404")).get("headers").has("X-Request-Id")).isTrue();
    }

    /** API.md, Conventions: every operation has a stable, unique operationId, verbs and nouns, and a tag spelled like its path. */
    @Test
    void everyOperationHasAUniqueOperationIdAndTheTagOfItsPath() {
        List<String> ids = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        document().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String id = op.getValue().path("operationId").asText();
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            if (!id.matches("(get|list|create|put|update|patch|delete|import|run|submit|verify|reject)[A-Z][A-Za-z]+")) {
                wrong.add(where + ": operationId '" + id + "'");
            }
            ids.add(id);
            String segment = path.getKey().split("/")[3];
            List<String> tags = new ArrayList<>();
            op.getValue().path("tags").forEach(tag -> tags.add(tag.asText()));
            if (!tags.equals(List.of(segment))) {
                wrong.add(where + ": tags " + op.getValue().path("tags") + ", not [" + segment + "]");
            }
        }));
        assertThat(wrong).isEmpty();
        assertThat(ids).doesNotHaveDuplicates().contains("createFunding", "listFunding", "deleteFunding", "createFundingBatch",
                "getCompliance", "getComplianceRollup", "putRegion", "getRegion", "listRegionChildren", "importRegions",
                "putPopulation", "createWebhook", "deleteWebhook", "listAuditEvents", "putRequirementParameters",
                "getRequirement", "updateRequirement", "putRequirementOwner", "listRequirementOwners", "createWaiver",
                "listWaivers", "deleteWaiver", "createRectification", "listRectifications", "getRectification",
                "submitRectification", "verifyRectification", "rejectRectification");
    }

    /** Every 2xx declares its body (a 204 has none), every 201 its Location, every 4xx is a shared Problem response. */
    @Test
    void everyAnswerIsDeclaredForGeneratedClients() {
        JsonNode doc = document();
        List<String> wrong = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            List<String> statuses = new ArrayList<>();
            op.getValue().get("responses").fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                wrong.add(where + ": no 2xx answer");   // an @APIResponse for a 4xx alone hides the 200 of the return type
            }
            op.getValue().get("responses").fields().forEachRemaining(answer -> {
                String status = answer.getKey();
                JsonNode response = resolve(doc, answer.getValue());
                if (status.startsWith("2") && !status.equals("204") && !response.has("content")) {
                    wrong.add(where + " " + status + ": no body");
                }
                if (status.equals("201") && !response.path("headers").has("Location")) {
                    wrong.add(where + " 201: no Location");
                }
                if (status.startsWith("4") && !answer.getValue().path("$ref").asText().startsWith("#/components/responses/")) {
                    wrong.add(where + " " + status + ": not a shared response");
                }
                if (status.startsWith("4") && !response.path("content").path("application/problem+json").path("schema")
                        .path("$ref").asText().equals("#/components/schemas/Problem")) {
                    wrong.add(where + " " + status + ": not a Problem");
                }
            });
        }));
        assertThat(wrong).isEmpty();
        JsonNode created = doc.at("/paths/~1api~1v1~1webhooks/post/responses/201/content/application~1json/schema/$ref");
        assertThat(created.asText()).isEqualTo("#/components/schemas/CreatedWebhook");
        assertThat(doc.at("/components/schemas/CreatedWebhook/properties").has("secret")).isTrue();
    }

    /** One Money schema, a string, that every amount refers to; no Jackson types; Region.level may be null. */
    @Test
    void moneyIsOneStringSchemaAndNoJacksonTypeIsPublished() {
        JsonNode doc = document();
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("Money").get("type").asText()).isEqualTo("string");
        assertThat(schemas.get("Money").get("examples").get(0).asText()).isEqualTo("20000.00");
        for (String[] amount : new String[][] {{"UnionFees", "due"}, {"UnionFees", "collected"}, {"UnionFeeRow", "due"},
                {"UnionFeeRecord", "collected"}, {"FundingRecord", "amount"}, {"NewFundingRecord", "amount"}}) {
            assertThat(schemas.get(amount[0]).get("properties").get(amount[1]).get("$ref").asText())
                    .as(amount[0] + "." + amount[1]).isEqualTo("#/components/schemas/Money");
        }
        assertThat(schemas.fieldNames()).toIterable().noneMatch(name -> name.startsWith("JsonNode"));
        assertThat(schemas.get("AuditEvent").get("properties").get("change").toString()).doesNotContain("JsonNode");
        assertThat(schemas.get("Region").get("properties").get("level").toString()).contains("\"null\"");
    }

    @Test
    void oneBearerSchemeServersLicenceAndContact() {
        JsonNode doc = document();
        assertThat(doc.get("components").get("securitySchemes").fieldNames()).toIterable().containsExactly("bearer");
        // relative: Swagger UI's "Try it out" calls the address the page was opened at (127.0.0.1, localhost, a host name)
        assertThat(doc.get("servers")).hasSize(1);
        assertThat(doc.get("servers").get(0).get("url").asText()).isEqualTo("/");
        assertThat(doc.get("servers").get(0).get("description").asText()).isNotBlank();
        assertThat(doc.get("info").get("license").get("identifier").asText()).isNotBlank();
        assertThat(doc.get("info").get("contact").get("name").asText()).isNotBlank();
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

    /** A response, or the shared one it refers to. */
    private static JsonNode resolve(JsonNode doc, JsonNode response) {
        String ref = response.path("$ref").asText();
        return ref.isEmpty() ? response : doc.at(ref.substring(1));
    }

    private JsonNode document() {
        return exact(given().auth().oauth2(ADMIN).accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }
}
