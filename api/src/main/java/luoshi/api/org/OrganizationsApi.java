package luoshi.api.org;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.LocalDate;
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

/** Mass organisations and their leaders (API.md, "Organisations and leaders"), owned by org-service. */
@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "organizations", description = "The mass organisations (群团组织) of each region and their leaders")
public interface OrganizationsApi {

    @POST
    @Requires(Role.OPERATOR)
    @Operation(operationId = "createOrganization", summary = "Create an organisation",
            description = "The region must exist. A superior (dual leadership) must be an organisation of the same type in an "
                    + "ancestor region: 越城区团委 (330602) may lead 塔山街道团工委 (330602001), 柯桥区妇联 may not.")
    @APIResponseSchema(value = Organization.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "400", description = "Unknown region or superior, or a superior of another type or region")
    @APIResponse(responseCode = "409", description = "The region already has an organisation of this type and name")
    RestResponse<Organization> create(@Valid @NotNull NewOrganization organization);

    /** At most this many organisations a batch, like the other batch imports. */
    int MAX_BATCH_ROWS = 10_000;

    @POST
    @Requires(Role.OPERATOR)
    @Bulk(rows = MAX_BATCH_ROWS)
    @Path("/batch")
    @Operation(operationId = "createOrganizationBatch", summary = "Create up to 10,000 organisations with their leaders, all or nothing",
            description = "Each row is an organisation as POST /api/v1/organizations takes it, with an optional leaders array "
                    + "as POST /api/v1/organizations/{id}/leaders takes them. Every row is checked first: any invalid row is a "
                    + "400 naming it ([3].regionCode, [3].leaders[0].to) and nothing is stored. A superiorId names an "
                    + "organisation stored already. The answer lists the new ids in the order of the rows.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrganizationRow.class)))
    @APIResponse(responseCode = "200", description = "Every organisation and leader stored")
    @APIResponse(responseCode = "400", description = "Invalid rows, each named by its index; nothing is stored")
    @APIResponse(responseCode = "409", description = "A row repeats an organisation stored already (region, type and name); nothing is stored")
    OrganizationImport importOrganizations(InputStream organizations);

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listOrganizations", summary = "Organisations, sorted by region code, type and id",
            description = "regionCode: of that region only; within: of that region and its whole subtree; type: of that type.")
    @APIResponse(responseCode = "200", description = "A page of organisations")
    Page<Organization> list(@Parameter(example = "330602001") @QueryParam("regionCode") RegionCode regionCode,
            @Parameter(example = "330600") @QueryParam("within") RegionCode within,
            @Parameter(example = "UNION") @QueryParam("type") OrganizationType type,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @GET
    @Requires(Role.VIEWER)
    @Path("/{id}")
    @Operation(operationId = "getOrganization", summary = "An organisation")
    @APIResponse(responseCode = "200", description = "The organisation")
    @APIResponse(responseCode = "404", description = "Unknown organisation")
    Organization get(@PathParam("id") long id);

    @POST
    @Requires(Role.OPERATOR)
    @Path("/{id}/leaders")
    @Operation(operationId = "createLeader", summary = "Add a leader", description = "to, when given, is on or after from.")
    @APIResponseSchema(value = Leader.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "400", description = "A missing field, or to before from")
    @APIResponse(responseCode = "404", description = "Unknown organisation")
    RestResponse<Leader> addLeader(@PathParam("id") long id, @Valid @NotNull NewLeader leader);

    @GET
    @Requires(Role.VIEWER)
    @Path("/{id}/leaders")
    @Operation(operationId = "listLeaders", summary = "The leaders of an organisation, by role and start of tenure",
            description = "asOf: only those in office on that date; role: only that role.")
    @APIResponse(responseCode = "200", description = "A page of leaders")
    @APIResponse(responseCode = "404", description = "Unknown organisation")
    Page<Leader> leaders(@PathParam("id") long id,
            @Parameter(description = "Only the leaders in office on this date (YYYY-MM-DD, e.g. 2025-12-31); all when left out")
            @QueryParam("asOf") LocalDate asOf,
            @Parameter(example = "HEAD") @QueryParam("role") LeaderRole role,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    // Corrections (API.md, "Corrections, idempotency and consistency"). A PATCH body is read as JSON so that a field
    // given as null ("to": null, "superiorId": null) differs from one not given; its schema is the named record.

    @PATCH
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "patchOrganization", summary = "Correct an organisation",
            description = "Changes the fields given (name, type, regionCode, superiorId) and no other. A new regionCode moves "
                    + "the organisation with its leaders: the caller must be allowed to write both the old and the new region. "
                    + "The result obeys the rules of a creation: a superior of the same type in a region above, no other "
                    + "organisation of that type and name in the region, and the organisations it leads still below it and "
                    + "of its type. Audited with the organisation before and after; the leadership verdicts follow at once.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = OrganizationPatch.class), examples = {
            @ExampleObject(name = "更正名称", value = """
                    {"name":"共青团绍兴市越城区塔山街道工作委员会"}"""),
            @ExampleObject(name = "从塔山街道迁至府山街道", value = """
                    {"regionCode":"330602002","name":"共青团绍兴市越城区府山街道工作委员会"}"""),
            @ExampleObject(name = "取消上级组织", value = """
                    {"superiorId":null}""")}))
    @APIResponse(responseCode = "200", description = "The corrected organisation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Organization.class)))
    @APIResponse(responseCode = "400", description = "A field that cannot be read, is blank, null or unknown, a regionCode that "
            + "is no region's code, or a superior of another type or not above; violations name it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown organisation, or unknown new region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another organisation of the region has that type and name, or an "
            + "organisation it leads would no longer be below it or of its type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    Organization patch(@PathParam("id") long id, @NotNull ObjectNode changes);

    @DELETE
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "deleteOrganization", summary = "Delete an organisation and its leaders",
            description = "Audited with the organisation and its leaders as they were. An organisation that leads others "
                    + "(their superiorId) is kept until they are corrected: 409.")
    @APIResponse(responseCode = "204", description = "Deleted, with its leaders")
    @APIResponse(responseCode = "404", description = "Unknown organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Other organisations name it as their superior",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    void delete(@PathParam("id") long id);

    @PATCH
    @Requires(Role.OPERATOR)
    @Path("/{id}/leaders/{leaderId}")
    @Operation(operationId = "patchLeader", summary = "Correct a leader, or end or reopen a tenure",
            description = "Changes the fields given (name, role, employment, frontline, partyCommitteeMember, from, to) and no "
                    + "other: {\"to\":\"2025-06-30\"} ends a tenure, {\"to\":null} puts the leader back in office, "
                    + "{\"employment\":\"FULL_TIME\"} corrects the employment. The corrected tenure ends on or after it "
                    + "begins. Audited with the leader before and after; TOWNSHIP_FULL_TIME_HEADS and FRONTLINE_SHARE follow "
                    + "at once.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LeaderPatch.class), examples = {
            @ExampleObject(name = "王丽卸任", value = """
                    {"to":"2025-06-30"}"""),
            @ExampleObject(name = "更正为专职", value = """
                    {"employment":"FULL_TIME"}"""),
            @ExampleObject(name = "恢复在任", value = """
                    {"to":null}"""),
            @ExampleObject(name = "更正为同级党委组成人员", value = """
                    {"partyCommitteeMember":true}""")}))
    @APIResponse(responseCode = "200", description = "The corrected leader",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Leader.class)))
    @APIResponse(responseCode = "400", description = "A field that cannot be read, is blank, null or unknown, or to before "
            + "from; violations name it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown organisation, or no such leader of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    Leader patchLeader(@PathParam("id") long id, @PathParam("leaderId") long leaderId, @NotNull ObjectNode changes);

    @DELETE
    @Requires(Role.OPERATOR)
    @Path("/{id}/leaders/{leaderId}")
    @Operation(operationId = "deleteLeader", summary = "Delete a leader entered in error",
            description = "A leader who left office keeps its record: end the tenure with PATCH {\"to\":…} instead. "
                    + "Audited with the leader as it was.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown organisation, or no such leader of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    void deleteLeader(@PathParam("id") long id, @PathParam("leaderId") long leaderId);
}
