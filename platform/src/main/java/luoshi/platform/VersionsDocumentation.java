package luoshi.platform;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import luoshi.api.common.Problem;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents versions and ETags (API.md, "Versions and ETags") in the OpenAPI document of every service and of the
 * gateway, so that the interfaces need not repeat it: a path is a correctable resource when its GET, PUT or PATCH
 * answers a {@link Versioned} record (a schema whose {@code version} has {@link Versioned#DESCRIPTION}). Its GET's 200
 * then declares {@code ETag}; its PUT, PATCH and DELETE take {@code If-Match} and may answer 412 (with the current
 * {@code ETag}), and the 200 or 201 of a PUT or PATCH declares {@code ETag}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class VersionsDocumentation implements OASFilter {

    public static final String IF_MATCH_DESCRIPTION = "Optional: the ETag of the version you read (\"7\", quotes included), or * "
            + "for any stored version. The write is applied only if the resource is still at that version; otherwise 412, "
            + "nothing is written, and the answer's ETag is the current version. Without it the write applies to the "
            + "version stored when it runs (a PATCH changes only the fields it names, atomically). A malformed value "
            + "is a 400; a weak tag (W/\"7\") never matches.";
    public static final String PRECONDITION_FAILED = "If-Match does not name the stored version (another write came first), "
            + "or names a resource that does not exist; nothing was written. The ETag header and the problem's etag give "
            + "the current version";

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> versioned = schemas.entrySet().stream().filter(e -> isVersioned(e.getValue()))
                .map(e -> PREFIX + e.getKey()).collect(Collectors.toSet());
        Schema problem = schemas.containsKey("Problem") ? OASFactory.createSchema().ref("Problem")
                : OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("RFC 9457 problem details");
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            PathItem item = path.getValue();
            if (!path.getKey().startsWith("/api/") || !answersVersioned(item, versioned)) {
                continue;
            }
            present(item.getGET(), item.getPUT(), item.getPATCH()).forEach(op -> tagAnswers(op, versioned));
            present(item.getPUT(), item.getPATCH(), item.getDELETE()).forEach(write -> preconditional(write, problem));
        }
    }

    private static boolean isVersioned(Schema schema) {
        Schema version = schema.getProperties() == null ? null : schema.getProperties().get("version");
        return version != null && Versioned.DESCRIPTION.equals(version.getDescription());
    }

    /** Whether the path's GET, PUT or PATCH answers a versioned record (a list answers a page: not one). */
    private static boolean answersVersioned(PathItem item, Set<String> versioned) {
        return present(item.getGET(), item.getPUT(), item.getPATCH()).stream()
                .filter(op -> op.getResponses() != null && op.getResponses().getAPIResponses() != null)
                .flatMap(op -> op.getResponses().getAPIResponses().values().stream())
                .anyMatch(answer -> answersVersioned(answer, versioned));
    }

    private static boolean answersVersioned(APIResponse answer, Set<String> versioned) {
        return answer.getContent() != null && answer.getContent().getMediaTypes() != null
                && answer.getContent().getMediaTypes().values().stream().map(MediaType::getSchema)
                        .anyMatch(schema -> schema != null && versioned.contains(schema.getRef()));
    }

    private static List<Operation> present(Operation... operations) {
        return Arrays.stream(operations).filter(Objects::nonNull).toList();
    }

    /** Its 200 and 201 that answer a versioned record declare {@code ETag}. */
    private static void tagAnswers(Operation operation, Set<String> versioned) {
        if (operation.getResponses() == null) {
            return;
        }
        for (String status : List.of("200", "201")) {
            APIResponse answer = operation.getResponses().getAPIResponse(status);
            if (answer != null && answersVersioned(answer, versioned)) {
                answer.addHeader(HttpHeaders.ETAG, etag("The version answered, \"7\": send it as If-Match to change "
                        + "exactly this version"));
            }
        }
    }

    private static void preconditional(Operation write, Schema problem) {
        boolean declared = write.getParameters() != null && write.getParameters().stream()
                .anyMatch(p -> IfMatch.HEADER.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
        if (!declared) {
            write.addParameter(OASFactory.createParameter().name(IfMatch.HEADER).in(Parameter.In.HEADER).required(false)
                    .description(IF_MATCH_DESCRIPTION)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (write.getResponses() == null) {
            write.setResponses(OASFactory.createAPIResponses());
        }
        write.getResponses().addAPIResponse("412", OASFactory.createAPIResponse().description(PRECONDITION_FAILED)
                .addHeader(HttpHeaders.ETAG, etag("The current version, \"7\"; absent when nothing is stored"))
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(problem))));
    }

    /** The {@code ETag} header, described. */
    public static Header etag(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^\"[0-9]+\"$"));
    }
}
