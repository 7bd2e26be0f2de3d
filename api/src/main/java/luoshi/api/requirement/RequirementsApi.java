package luoshi.api.requirement;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The requirements catalog (API.md, "Requirements catalog"). Each service serves the requirements
 * it owns at these paths; the gateway merges the lists and routes a write to the owner (by the
 * requirement's {@code owner}, or for a new one by its rule type).
 */
@Path("/api/v1/requirements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "requirements", description = "The requirements catalog (要求清单) and jurisdiction parameters")
public interface RequirementsApi {

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listRequirements", summary = "The requirements catalog", description = "Every requirement with its issuer, levels, period and rule.")
    RequirementList list();

    @POST
    @Requires(Role.ADMIN)
    @Operation(operationId = "createRequirement", summary = "Add a requirement of an existing rule type (admin)",
            description = "For example Jiangsu (320000) requiring 30,000 CNY a year for its townships' youth league work.")
    @APIResponseSchema(value = Requirement.class, responseCode = "201", responseDescription = "Added")
    @APIResponse(responseCode = "400", description = "Invalid field, or a rule type no service owns")
    RestResponse<Requirement> create(@Valid @NotNull NewRequirement requirement);

    /** The {@code If-Match} of a requirement's change: its revision (API.md, "Versions and ETags"). */
    String IF_MATCH = "Optional: the ETag of the revision you read (\"3\", quotes included), or * for any. The change "
            + "is applied only if the requirement is still at that revision; otherwise 412, nothing is written, and the "
            + "answer's ETag is the current revision. A malformed value is a 400; a weak tag (W/\"3\") never matches.";
    /** The {@code ETag} of a requirement's answer. */
    String ETAG = "The requirement's revision, \"3\": send it as If-Match to change exactly this revision";

    @GET
    @Requires(Role.VIEWER)
    @Path("/{id}")
    @Operation(operationId = "getRequirement", summary = "A requirement as in force today, with its versions")
    @APIResponse(responseCode = "200", description = "The requirement, with its versions",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such requirement")
    Requirement get(@PathParam("id") String id);

    @PUT
    @Requires(Role.ADMIN)
    @Path("/{id}")
    @Operation(operationId = "updateRequirement", summary = "A new version from a date, or retire the latest (admin of the issuer)",
            description = "With effectiveFrom: a new version of the levels, rule parameters, weight and dimension from that "
                    + "day (what the body leaves out is kept); the version before ends the day before. With effectiveTo "
                    + "only: the latest version ends that day. A period is judged by the version in force on its due date, "
                    + "so a past verdict never changes because the rule changed later.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = false, description = IF_MATCH,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The requirement, with its versions",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid field, neither effectiveFrom nor effectiveTo, or a rule of another type")
    @APIResponse(responseCode = "404", description = "No such requirement")
    @APIResponse(responseCode = "409", description = "effectiveFrom is not after the latest version's")
    @APIResponse(responseCode = "412", description = "If-Match does not name the requirement's revision (another write "
            + "came first); nothing was written. The ETag header and the problem's etag give the current revision")
    Requirement change(@PathParam("id") String id, @Valid @NotNull RequirementChange change);

    @PUT
    @Requires(Role.ADMIN)
    @Path("/{id}/parameters/{regionCode}")
    @Operation(operationId = "putRequirementParameters", summary = "Set a stricter parameter for a region's subtree",
            description = "The most specific setting wins. A value laxer than one in force (the issuer's version, or a "
                    + "setting above) for any period the setting covers is refused with 400 naming it. \"effectiveFrom\" "
                    + "(a date) limits the setting to the periods due on or after it; without it, it holds for every period.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, example = "{\"minAmount\":\"25000.00\",\"effectiveFrom\":\"2027-01-01\"}")))
    @APIResponse(responseCode = "200", description = "The setting as stored")
    @APIResponse(responseCode = "400", description = "An unknown parameter, or a value laxer than one in force (named)")
    @APIResponse(responseCode = "404", description = "No such requirement or region")
    ParameterSetting setParameters(@PathParam("id") String id, @PathParam("regionCode") RegionCode regionCode,
            @NotNull ObjectNode parameters);

    @PUT
    @Requires(Role.ADMIN)
    @Path("/{id}/owners/{regionCode}")
    @Operation(operationId = "putRequirementOwner", summary = "Name the unit responsible for a requirement in a region's subtree (admin of the region)",
            description = "It holds for the region's subtree unless a region below sets its own; items, open items, "
                    + "reminders and webhook payloads carry it.")
    @APIResponse(responseCode = "200", description = "The owner as set")
    @APIResponse(responseCode = "404", description = "No such requirement or region")
    Owner setOwner(@PathParam("id") String id, @PathParam("regionCode") RegionCode regionCode,
            @Valid @NotNull OwnerWrite owner);

    @GET
    @Requires(Role.VIEWER)
    @Path("/{id}/owners")
    @Operation(operationId = "listRequirementOwners", summary = "The owner in force for a region, and the owners set in its subtree")
    @APIResponse(responseCode = "200", description = "The owner in force, and the owners set on the region or below it")
    @APIResponse(responseCode = "404", description = "No such requirement or region")
    OwnerList owners(@PathParam("id") String id,
            @Parameter(example = "330602001") @QueryParam("regionCode") RegionCode regionCode);
}
