package luoshi.api.org;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @Path("/batch")
    @Operation(operationId = "createOrganizationBatch", summary = "Create up to 10,000 organisations with their leaders, all or nothing",
            description = "Each row is an organisation as POST /api/v1/organizations takes it, with an optional leaders array "
                    + "as POST /api/v1/organizations/{id}/leaders takes them. Every row is checked first: any invalid row is a "
                    + "400 naming it ([3].regionCode, [3].leaders[0].to) and nothing is stored. A superiorId names an "
                    + "organisation stored already. The answer lists the new ids in the order of the rows.")
    @APIResponse(responseCode = "200", description = "Every organisation and leader stored")
    @APIResponse(responseCode = "400", description = "Invalid rows, each named by its index; nothing is stored")
    @APIResponse(responseCode = "409", description = "A row repeats an organisation stored already (region, type and name); nothing is stored")
    OrganizationImport importOrganizations(@Valid @NotNull List<@Valid @NotNull OrganizationRow> organizations);

    @GET
    @Operation(operationId = "listOrganizations", summary = "Organisations, sorted by region code, type and id",
            description = "regionCode: of that region only; within: of that region and its whole subtree; type: of that type.")
    @APIResponse(responseCode = "200", description = "A page of organisations")
    Page<Organization> list(@Parameter(example = "330602001") @QueryParam("regionCode") String regionCode,
            @Parameter(example = "330600") @QueryParam("within") String within,
            @Parameter(example = "UNION") @QueryParam("type") OrganizationType type,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrganization", summary = "An organisation")
    @APIResponse(responseCode = "200", description = "The organisation")
    @APIResponse(responseCode = "404", description = "Unknown organisation")
    Organization get(@PathParam("id") long id);

    @POST
    @Path("/{id}/leaders")
    @Operation(operationId = "createLeader", summary = "Add a leader", description = "to, when given, is on or after from.")
    @APIResponseSchema(value = Leader.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "400", description = "A missing field, or to before from")
    @APIResponse(responseCode = "404", description = "Unknown organisation")
    RestResponse<Leader> addLeader(@PathParam("id") long id, @Valid @NotNull NewLeader leader);

    @GET
    @Path("/{id}/leaders")
    @Operation(operationId = "listLeaders", summary = "The leaders of an organisation, by role and start of tenure",
            description = "asOf: only those in office on that date; role: only that role.")
    @APIResponse(responseCode = "200", description = "A page of leaders")
    @APIResponse(responseCode = "404", description = "Unknown organisation")
    Page<Leader> leaders(@PathParam("id") long id,
            @Parameter(example = "2025-12-31") @QueryParam("asOf") LocalDate asOf,
            @Parameter(example = "HEAD") @QueryParam("role") LeaderRole role,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);
}
