package luoshi.gateway.openapi;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import luoshi.api.common.ConditionalRead;
import luoshi.gateway.compliance.ConsistencyTokens;
import luoshi.api.common.Money;
import luoshi.api.compliance.ComplianceApi;
import luoshi.api.evaluation.EvaluationApi;
import luoshi.api.evaluation.TrendApi;
import luoshi.api.common.Problem;
import luoshi.gateway.client.RequestIds;
import luoshi.platform.VersionsDocumentation;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the gateway adds to the public document ({@code mp.openapi.filter}), once for every operation, those of
 * the interfaces still to come included; the interfaces in {@code api} stay free of it. API.md, Conventions: the
 * document is for generated clients.
 * <ul>
 *   <li>the request id: the optional request header, and the response header every answer carries;</li>
 *   <li>bearer authentication (API.md, Security): the one scheme, required on every operation, so that
 *       Swagger UI's "Authorize" takes a token (deploy/local/token.sh prints one);</li>
 *   <li>every 4xx is one of the shared responses of {@code components/responses} ({@link #SHARED}), whose body is
 *       {@code Problem}: 401 and 403 on every operation, 400 where a parameter or a body can be wrong, 404 where a
 *       path names something or a body names a region (API.md: known regions only), 422 on every POST (a reused
 *       {@code Idempotency-Key} with another body), 412 with its {@code ETag} where a write takes {@code If-Match}
 *       (platform's {@link VersionsDocumentation} adds it); an operation's own description of its 4xx is kept beside
 *       the reference;</li>
 *   <li>every 201 declares its {@code Location} header (luoshi.platform.CreatedLocations sends it);</li>
 *   <li>a conditional read ({@link ConditionalRead}: API.md, "Conditional reads (ETag, If-None-Match)") takes
 *       {@code If-None-Match}, its 200 declares its weak {@code ETag}, and it may answer 304;</li>
 *   <li>money is the one {@code Money} schema: every amount (a string with {@link Money#PATTERN}) refers to it;</li>
 *   <li>{@code servers}: {@code luoshi.openapi.server-url} ({@code LUOSHI_OPENAPI_SERVER_URL}), by default {@code /}:
 *       relative, so that Swagger UI's "Try it out" calls the gateway at whatever address the page was opened at, and the
 *       licence.</li>
 * </ul>
 */
public class GatewayDocumentation implements OASFilter {

    static final String BEARER = "bearer";
    static final String MONEY = "Money";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** Status → the shared response's name and description. */
    static final Map<String, String[]> SHARED = new LinkedHashMap<>();

    static {
        SHARED.put("400", new String[] {"BadRequest", "Invalid input: the violations name each field (a row of a batch by its "
                + "index, [3].amount); nothing was stored"});
        SHARED.put("401", new String[] {"Unauthorized", "No bearer token, or one that is malformed, expired, of another issuer "
                + "or audience, issued in the future, living longer than allowed, or not signed by the configured key"});
        SHARED.put("403", new String[] {"Forbidden", "The token's role or region does not allow this call (a region outside "
                + "the caller's subtree, a write by a viewer, administration by an operator); nothing was written"});
        SHARED.put("404", new String[] {"NotFound", "Unknown id or region code (named in the detail); nothing was written"});
        SHARED.put("406", new String[] {"NotAcceptable", "Accept names none of the media types the operation answers "
                + "(its 200 lists them)"});
        SHARED.put("409", new String[] {"Conflict", "The write conflicts with what is stored (a duplicate, an overlapping "
                + "term, a stale version); nothing was written"});
        SHARED.put("412", new String[] {"PreconditionFailed", VersionsDocumentation.PRECONDITION_FAILED});
        // 413 is no shared answer: each operation that takes a body states its own limits (platform's BodyLimitsDocumentation)
        SHARED.put("422", new String[] {"UnprocessableContent", "The Idempotency-Key was used before with another body "
                + "(or query string, or by a token with another region or roles); nothing was written"});
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.setSecuritySchemes(new LinkedHashMap<>(Map.of(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT (RS256) of the configured issuer. Claims: sub; groups ⊂ {viewer, operator, admin}; "
                        + "region: the code of the subtree the caller may act in (000000 = the whole country). "
                        + "Locally: deploy/local/token.sh ROLE REGION prints one."))));
        openAPI.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER))));
        SHARED.values().forEach(shared -> components.addResponse(shared[0], problem(shared[1])
                .addHeader(RequestIds.HEADER, requestIdHeader())));
        components.getResponses().get(SHARED.get("412")[0]).addHeader(HttpHeaders.ETAG, VersionsDocumentation.etag(
                "The current version, \"7\"; absent when nothing is stored"));
        components.addSchema(MONEY, OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern(Money.PATTERN)
                .description(Money.DESCRIPTION).examples(List.of("20000.00")));
        if (components.getSchemas() != null) {
            components.getSchemas().forEach((name, schema) -> {
                if (!name.equals(MONEY)) {
                    referMoney(schema);
                }
            });
        }
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer()
                .url(ConfigProvider.getConfig().getOptionalValue("luoshi.openapi.server-url", String.class)
                        .orElse("/"))
                .description("The gateway (luoshi.openapi.server-url): by default the address this document was read at"))));
        openAPI.getInfo()
                .license(OASFactory.createLicense().name("Proprietary: all rights reserved").identifier("LicenseRef-Luoshi"))
                .contact(OASFactory.createContact().name("Luoshi (落实) maintainers"));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(this::documentAnswers);
            openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values()
                    .forEach(GatewayDocumentation::documentConditionalRead));
        }
    }

    /** The interfaces whose methods may declare {@link ConditionalRead}: the answers of API.md, "Conditional reads". */
    private static final List<Class<?>> CONDITIONAL = List.of(ComplianceApi.class, EvaluationApi.class, TrendApi.class);

    /** The operationIds of the methods that declare {@link ConditionalRead}. */
    private static final Set<String> CONDITIONAL_READS = CONDITIONAL.stream()
            .flatMap(api -> Arrays.stream(api.getMethods()))
            .filter(m -> m.isAnnotationPresent(ConditionalRead.class)
                    && m.isAnnotationPresent(org.eclipse.microprofile.openapi.annotations.Operation.class))
            .map(m -> m.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class).operationId())
            .collect(Collectors.toUnmodifiableSet());

    /**
     * A conditional read (luoshi.gateway.compliance.ConditionalReads answers it): {@code If-None-Match}, the weak
     * {@code ETag} of its 200 and its 304 with no body, so that a generated client can send the one and read the others.
     */
    private static void documentConditionalRead(Operation op) {
        if (!CONDITIONAL_READS.contains(op.getOperationId()) || op.getResponses() == null
                || op.getResponses().getAPIResponse("200") == null) {
            return;
        }
        op.addParameter(OASFactory.createParameter().name(HttpHeaders.IF_NONE_MATCH).in(Parameter.In.HEADER)
                .required(false).description(ConditionalRead.IF_NONE_MATCH_DESCRIPTION)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        op.addParameter(OASFactory.createParameter().name(ConsistencyTokens.HEADER).in(Parameter.In.HEADER)
                .required(false).description("The consistency token of a write's answer (its `" + ConsistencyTokens.HEADER
                        + "` header, such as `org=12;funding=40;review=7`): the answer is at least as new as that write, "
                        + "through any gateway replica (API.md, \"Kept answers and consistency tokens\")")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .pattern("^(org|funding|review)=[0-9]{1,18}(;(org|funding|review)=[0-9]{1,18}){0,2}$")));
        op.getResponses().getAPIResponse("200").addHeader(HttpHeaders.ETAG, weakTag(ConditionalRead.ETAG_DESCRIPTION))
                .addHeader("Age", age());
        op.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not Modified: `If-None-Match` names the current answer's tag; no body")
                .addHeader(HttpHeaders.ETAG, weakTag("The current answer's tag, the one `If-None-Match` named"))
                .addHeader("Age", age())
                .addHeader(RequestIds.HEADER, requestIdHeader()));
    }

    private static Header age() {
        return OASFactory.createHeader().description("Seconds since the answer was computed, when the gateway gave it "
                        + "from the answers it keeps (none: computed for this request)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO));
    }

    private static Header weakTag(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^W/\"[A-Za-z0-9_-]+\"$"));
    }

    @Override
    public Operation filterOperation(Operation operation) {
        operation.addParameter(OASFactory.createParameter()
                .name(RequestIds.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("Your id for this call (up to 128 of A-Z a-z 0-9 . _ : -), to find it in the logs; "
                        + "the gateway makes one when it is missing")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        return operation;
    }

    private void documentAnswers(PathItem path) {
        path.getOperations().forEach((method, operation) -> {
            APIResponses responses = operation.getResponses();
            if (responses == null) {
                return;
            }
            boolean pathParameters = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> p.getIn() == Parameter.In.PATH);
            boolean input = operation.getRequestBody() != null || operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> !RequestIds.HEADER.equals(p.getName()));
            Map<String, APIResponse> answers = new LinkedHashMap<>(responses.getAPIResponses());
            answers.putIfAbsent("401", null);
            answers.putIfAbsent("403", null);
            if (input) {
                answers.putIfAbsent("400", null);
            }
            if (pathParameters || operation.getRequestBody() != null) {
                answers.putIfAbsent("404", null);
            }
            if (method == PathItem.HttpMethod.POST) {
                answers.putIfAbsent("422", null);
            }
            Map<String, APIResponse> documented = new java.util.TreeMap<>();
            answers.forEach((status, answer) -> documented.put(status, document(status, answer)));
            responses.setAPIResponses(documented);
        });
    }

    /** A 4xx becomes its shared response (with the operation's own words, if any); every other answer its headers. */
    private static APIResponse document(String status, APIResponse answer) {
        String[] shared = SHARED.get(status);
        if (shared == null && status.startsWith("4")) {
            return problem(answer.getDescription()).addHeader(RequestIds.HEADER, requestIdHeader());
        }
        if (shared != null) {
            APIResponse ref = OASFactory.createAPIResponse().ref(shared[0]);
            if (answer != null && answer.getDescription() != null && !answer.getDescription().isBlank()) {
                ref.description(answer.getDescription());
            }
            return ref;
        }
        answer.addHeader(RequestIds.HEADER, requestIdHeader());
        if (status.equals("201")) {
            answer.addHeader("Location", OASFactory.createHeader().required(true)
                    .description("The URL of what was created (/api/v1/funding/1024)")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")));
        }
        return answer;
    }

    /** Every amount refers to the one Money schema. */
    private static void referMoney(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (schema.getProperties() != null) {
            new LinkedHashMap<>(schema.getProperties()).forEach((name, property) -> {
                if (isMoney(property)) {
                    schema.addProperty(name, moneyRef(property));
                } else {
                    referMoney(property);
                }
            });
        }
        if (schema.getItems() != null) {
            if (isMoney(schema.getItems())) {
                schema.setItems(moneyRef(schema.getItems()));
            } else {
                referMoney(schema.getItems());
            }
        }
    }

    private static boolean isMoney(Schema schema) {
        return schema != null && schema.getRef() == null && Money.PATTERN.equals(schema.getPattern());
    }

    private static Schema moneyRef(Schema amount) {
        Schema ref = OASFactory.createSchema().ref(MONEY);
        if (amount.getExamples() != null && !amount.getExamples().equals(List.of("20000.00"))) {
            ref.examples(amount.getExamples());
        }
        return ref;
    }

    private static Header requestIdHeader() {
        return OASFactory.createHeader()
                .description("The id of this call: yours, or the one the gateway made")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }
}
