package luoshi.platform;

import luoshi.api.common.Problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The {@code Idempotency-Key} request header that every {@code POST} of the public API takes (API.md, "Corrections,
 * idempotency and consistency"), and its documentation: this filter adds the header and the answers it can give to
 * every {@code POST} of {@code /api/} in the OpenAPI document of each service and of the gateway, so that the
 * interfaces need not repeat it on each method. The services honour it in module {@code idempotency}; the gateway
 * forwards it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyKey implements OASFilter {

    public static final String HEADER = "Idempotency-Key";

    /** The header of a replayed answer ({@code true}), as Stripe answers it; the gateway passes it on. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** The longest key a service keeps. */
    public static final int MAX_LENGTH = 100;

    public static final String DESCRIPTION = "Optional, 1 to 100 characters chosen by the caller: a UUID, or a name "
            + "in ASCII (it is an HTTP header) such as shaoxing-2025-youth-import-1. Sent again with the same body, the "
            + "call is not applied again and the first answer is repeated (same status, body and Location, with "
            + "Idempotent-Replayed: true). A key belongs to the caller (the token's sub, with the region and roles the "
            + "token gave) and to the path it was sent to, and is kept at least 24 hours. The same key with another body "
            + "or query string, or from a token with another region or roles → 422; while the first call with the key "
            + "is still running → 409. A call that failed (4xx, 5xx) does not use its key up: retry it with the key.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        // the Problem schema where the document has it (the gateway's), else an object described as one
        boolean problemSchema = openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey("Problem");
        Schema problem = problemSchema ? OASFactory.createSchema().ref("Problem")
                : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("RFC 9457 problem details");
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Operation post = path.getValue().getPOST();
            if (path.getKey().startsWith("/api/") && post != null) {
                document(post, problem);
            }
        }
    }

    private static void document(Operation post, Schema problem) {
        boolean declared = post.getParameters() != null && post.getParameters().stream()
                .anyMatch(p -> HEADER.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
        if (!declared) {
            post.addParameter(OASFactory.createParameter().name(HEADER).in(Parameter.In.HEADER).required(false)
                    // no example: Swagger UI would fill it in, and a person's second POST would reuse a key they never chose (422)
                    .description(DESCRIPTION)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                            .maxLength(MAX_LENGTH)));
        }
        if (post.getResponses() == null) {
            post.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = post.getResponses();
        if (responses.getAPIResponse("409") == null) {
            responses.addAPIResponse("409", answer("A call with this Idempotency-Key is still running; retry later",
                    problem));
        }
        responses.addAPIResponse("422", answer("This Idempotency-Key was used with another body (or query string, or "
                + "by a token with another region or roles) at this path; nothing was stored", problem));
    }

    private static APIResponse answer(String description, Schema problem) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(problem)));
    }
}
