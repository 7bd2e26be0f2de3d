package luoshi.api.review;

import luoshi.api.region.RegionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Bulk;
import luoshi.api.common.Page;
import luoshi.api.common.Problem;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** API.md, "Committee terms, meetings, documents": documents such as the implementation plan. */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "documents", description = "Documents submitted by party committees (实施方案)")
public interface DocumentsApi {

    @POST
    @Requires(Role.OPERATOR)
    @Operation(operationId = "createDocument", summary = "Record a submitted document")
    @APIResponseSchema(value = Document.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "404", description = "No such region (the code is named); nothing is stored")
    RestResponse<Document> create(@Valid @NotNull NewDocument document);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/batch")
    @Operation(operationId = "createDocumentBatch", summary = "Record up to 10,000 submitted documents at once, all or nothing",
            description = BatchResult.ALL_OR_NOTHING + "A document has no natural key: send an Idempotency-Key, so that an "
                    + "import retried after a lost answer does not record its documents twice.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NewDocument.class),
            examples = @ExampleObject(name = "浙江省和江苏省的实施方案", value = """
                    [{"regionCode":"330000","type":"IMPLEMENTATION_PLAN","date":"2015-11-20","title":"中共浙江省委关于加强和改进党的群团工作的实施意见","documentRef":"浙委发〔2015〕35号"},
                     {"regionCode":"320000","type":"IMPLEMENTATION_PLAN","date":"2015-12-08","title":"关于加强和改进党的群团工作的实施意见","documentRef":"苏发〔2015〕30号"}]""")))
    @APIResponse(responseCode = "200", description = "Every row stored: {\"accepted\":n}")
    @APIResponse(responseCode = "400", description = "Nothing stored; violations name every invalid row")
    @APIResponse(responseCode = "403", description = "A row outside the caller's region, named; nothing stored")
    BatchResult createBatch(InputStream rows);

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listDocuments", summary = "Documents, filtered by region and type, by date")
    Page<Document> list(@QueryParam("regionCode") RegionCode regionCode,
            @QueryParam("type") DocumentType type,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @GET
    @Requires(Role.VIEWER)
    @Path("/{id}")
    @Operation(operationId = "getDocument", summary = "A submitted document")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(implementation = Document.class)))
    @APIResponse(responseCode = "403", description = "The document's region lies outside the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such document",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    Document get(@Parameter(example = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") @PathParam("id") String id);

    @PUT
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "updateDocument", summary = "Correct a submitted document",
            description = "Replaces the document's fields (as on create; the region must exist). Authorised like the write "
                    + "it corrects: an operator of both the document's region and the region it moves to; audited with "
                    + "before and after, and the IMPLEMENTATION_PLAN verdicts follow at once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewDocument.class),
            examples = @ExampleObject(name = "浙江省实施意见文号更正", value = """
                    {"regionCode":"330000","type":"IMPLEMENTATION_PLAN","date":"2015-11-20","title":"中共浙江省委关于加强和改进党的群团工作的实施意见","documentRef":"浙委发〔2015〕36号"}""")))
    @APIResponse(responseCode = "200", description = "The corrected document",
            content = @Content(schema = @Schema(implementation = Document.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The document's region, or the region it moves to, lies outside the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such document, or no such region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    Document update(@Parameter(example = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") @PathParam("id") String id,
            @Valid @NotNull NewDocument document);

    @DELETE
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "deleteDocument", summary = "Withdraw a document recorded by mistake",
            description = "Audited with the document as it was; the verdicts follow at once.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The document's region lies outside the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such document",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    void delete(@Parameter(example = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") @PathParam("id") String id);
}
