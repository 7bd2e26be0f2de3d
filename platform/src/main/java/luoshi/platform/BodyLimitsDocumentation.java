package luoshi.platform;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import luoshi.api.common.Bulk;
import luoshi.api.common.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.IndexView;

/**
 * Documents the limits of each body ({@link BodyLimits}) in the OpenAPI document of every service and of the gateway: a
 * bulk operation states its rows and bytes ({@code x-luoshi-bulk}, a sentence of its description), and every operation
 * that takes a body may answer 413.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BodyLimitsDocumentation extends ContractOperations {

    public BodyLimitsDocumentation(IndexView index) {
        super(index, Bulk.class);
    }

    @Override
    protected void document(OpenAPI openAPI, Operation op, AnnotationInstance bulk) {
        if (op.getRequestBody() == null) {
            return;
        }
        boolean problemSchema = openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey("Problem");
        Schema problem = problemSchema ? OASFactory.createSchema().ref("Problem")
                : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("RFC 9457 problem details");
        if (bulk == null) {
            answer(op, "A body of more than " + Bulk.OTHER_BYTES / 1024 + " KiB; nothing was done", problem);
            return;
        }
        int rows = bulk.value("rows") == null ? luoshi.api.common.BatchResult.MAX_ROWS : bulk.value("rows").asInt();
        long bytes = bulk.value("bytes") == null ? Bulk.MAX_BYTES : bulk.value("bytes").asLong();
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("rows", rows);
        limits.put("bytes", bytes);
        op.addExtension("x-luoshi-bulk", limits);
        describe(op, "Read as a stream: at most " + String.format("%,d", rows) + " rows and " + bytes / (1024 * 1024)
                + " MiB, else 413 without the rest being read.");
        answer(op, "More than " + String.format("%,d", rows) + " rows, or more than " + bytes / (1024 * 1024)
                + " MiB; nothing was stored", problem);
    }

    private static void answer(Operation op, String description, Schema problem) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        op.getResponses().addAPIResponse("413", OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(problem))));
    }
}
