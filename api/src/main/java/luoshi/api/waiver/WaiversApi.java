package luoshi.api.waiver;

import luoshi.api.region.RegionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * API.md, "Catalog versions, waivers, owners": waivers (豁免) of one requirement for one region. Each service keeps
 * the waivers of the requirements it owns; the gateway routes a waiver to the requirement's owner.
 */
@Path("/api/v1/waivers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "waivers", description = "Approved, expiring exceptions of one requirement for one region (豁免)")
public interface WaiversApi {

    @POST
    @Requires(Role.ADMIN)
    @Operation(operationId = "createWaiver", summary = "Waive a requirement for a region (admin of a region strictly above it)",
            description = "While the waiver is in force on an item's evaluation date (its due date, or asOf while the period "
                    + "runs), the item is NOT_APPLICABLE with the waiver, rollups count it in waived, and no reminder goes "
                    + "out for it. A region never waives itself. Audited.")
    @APIResponseSchema(value = Waiver.class, responseCode = "201", responseDescription = "Granted")
    @APIResponse(responseCode = "400", description = "A missing reason, or to before from")
    @APIResponse(responseCode = "403", description = "Not an admin of a region strictly above regionCode")
    @APIResponse(responseCode = "404", description = "No such requirement or region")
    @APIResponse(responseCode = "409", description = "An active waiver of the same requirement and region overlaps these dates")
    RestResponse<Waiver> create(@Valid @NotNull NewWaiver waiver);

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listWaivers", summary = "The waivers of a region's subtree",
            description = "Revoked ones too (with revokedAt), unless activeOn asks for those in force on a day.")
    WaiverList list(@Parameter(example = "330602") @QueryParam("regionCode") RegionCode regionCode,
            @Parameter(example = "TOWNSHIP_YOUTH_LEAGUE_FUNDING") @QueryParam("requirementId") String requirementId,
            @Parameter(example = "2025-06-30") @QueryParam("activeOn") LocalDate activeOn);

    @DELETE
    @Requires(Role.ADMIN)
    @Path("/{id}")
    @Operation(operationId = "deleteWaiver", summary = "Revoke a waiver (admin of a region strictly above its region)",
            description = "The waiver stays on record with revokedAt; its items are judged again at once. Audited.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = false, schema = @Schema(type = SchemaType.STRING),
            description = "Optional: the version of the waiver you read (\"1\", quotes included, as its version in the "
                    + "list), or *. It is revoked only if it is still at that version; otherwise 412, nothing is written, "
                    + "and the answer's ETag is the current version.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", description = "Not an admin of a region strictly above the waiver's region")
    @APIResponse(responseCode = "404", description = "No such waiver, or it is revoked already")
    @APIResponse(responseCode = "412", description = "If-Match does not name the waiver's version (another write came "
            + "first); nothing was written. The ETag header and the problem's etag give the current version")
    void revoke(@PathParam("id") String id);
}
