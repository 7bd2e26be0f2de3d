package luoshi.api.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import luoshi.api.common.Page;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import luoshi.api.region.RegionCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
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

/**
 * API.md, "Rectification (整改)": a non-compliant item given to its region to put right, and verified against the facts
 * by a region above. Served by review-service, whose reminder job also opens them.
 */
@Path("/api/v1/rectifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rectifications", description = "Rectification of non-compliant items (整改), verified by the facts")
public interface RectificationsApi {

    /** The description of If-Match on a transition. */
    String IF_MATCH = "Optional: the ETag of the version you read (\"3\", quotes included), or *. The transition is made "
            + "only if the rectification is still at that version; otherwise 412, nothing is written, and the problem's "
            + "etag is the current version.";
    String PRECONDITION_FAILED = "If-Match does not name the rectification's version (another write came first); nothing "
            + "was written. The ETag header and the problem's etag give the current version";

    @POST
    @Requires(Role.OPERATOR)
    @Operation(operationId = "createRectification", summary = "Open a rectification of an item (an operator of a region above it)",
            description = "The item is asked of the engine: the rectification keeps the owner of the requirement in the "
                    + "region and the verdict's expected and actual. One open rectification (OPEN, SUBMITTED, REJECTED) "
                    + "per item. dueDate defaults to today plus the configured days (90). Audited; sends "
                    + "rectification.opened to the webhooks whose region contains it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewRectification.class),
            examples = @ExampleObject(name = "城南街道团建经费整改", value = """
                    {"requirementId":"TOWNSHIP_YOUTH_LEAGUE_FUNDING","regionCode":"330602001","periodStart":"2025-01-01","dueDate":"2026-03-31","description":"2025年度团建经费不足2万元，限期补足"}""")))
    @APIResponseSchema(value = Rectification.class, responseCode = "201", responseDescription = "Opened, OPEN")
    @APIResponse(responseCode = "400", description = "Invalid field, named; or no such item (requirementId, periodStart)")
    @APIResponse(responseCode = "403", description = "Not an operator of a region strictly above regionCode")
    @APIResponse(responseCode = "404", description = "No such region")
    @APIResponse(responseCode = "409", description = "The item has an open rectification already")
    RestResponse<Rectification> create(@Valid @NotNull NewRectification rectification);

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listRectifications", summary = "The rectifications of a region's subtree (the caller's region when regionCode is absent)",
            description = "Each with its history; filtered by status, requirement, year (of the period's start) and "
                    + "overdue (open and past the due date today, or not); the newest due date first.")
    Page<Rectification> list(@Parameter(example = "330602") @QueryParam("regionCode") RegionCode regionCode,
            @QueryParam("status") RectificationStatus status,
            @Parameter(example = "TOWNSHIP_YOUTH_LEAGUE_FUNDING") @QueryParam("requirementId") @Size(max = 64) String requirementId,
            @Parameter(description = "true: open and past the due date; false: not") @QueryParam("overdue") Boolean overdue,
            @Parameter(example = "2025") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @GET
    @Requires(Role.VIEWER)
    @Path("/{id}")
    @Operation(operationId = "getRectification", summary = "A rectification, with its history")
    @APIResponse(responseCode = "200", description = "The rectification",
            content = @Content(schema = @Schema(implementation = Rectification.class)))
    @APIResponse(responseCode = "403", description = "Its region lies outside the caller's")
    @APIResponse(responseCode = "404", description = "No such rectification")
    Rectification get(@Parameter(example = "5b8e0c2d-7f1a-4c3e-9d6b-2a4f8e1c0b7d") @PathParam("id") String id);

    @POST
    @Requires(Role.OPERATOR)
    @Path("/{id}/submit")
    @Operation(operationId = "submitRectification", summary = "Report the item put right (an operator of the region)",
            description = "OPEN or REJECTED → SUBMITTED, with a note and a document reference; audited and kept in the "
                    + "history with the item's status at that moment.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = false, schema = @Schema(type = SchemaType.STRING),
            description = IF_MATCH)
    @APIResponse(responseCode = "200", description = "SUBMITTED", content = @Content(schema = @Schema(implementation = Rectification.class)))
    @APIResponse(responseCode = "403", description = "Not an operator of the rectification's region")
    @APIResponse(responseCode = "404", description = "No such rectification")
    @APIResponse(responseCode = "409", description = "Not OPEN or REJECTED")
    @APIResponse(responseCode = "412", description = PRECONDITION_FAILED)
    Rectification submit(@PathParam("id") String id, @Valid @NotNull RectificationSubmission submission);

    @POST
    @Requires(Role.ADMIN)
    @Path("/{id}/verify")
    @Operation(operationId = "verifyRectification", summary = "Verify a submitted rectification against the facts (an admin of a region strictly above)",
            description = "SUBMITTED → VERIFIED only when the engine now judges the item COMPLIANT or waived; otherwise "
                    + "409 naming its current status. Audited; sends rectification.verified. If the facts later make "
                    + "the item NON_COMPLIANT again, the reminder job opens a new rectification and this one stays as history. "
                    + "503 when the service that owns the requirement does not answer (nothing is written).")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = false, schema = @Schema(type = SchemaType.STRING),
            description = IF_MATCH)
    @APIResponse(responseCode = "200", description = "VERIFIED", content = @Content(schema = @Schema(implementation = Rectification.class)))
    @APIResponse(responseCode = "403", description = "Not an admin of a region strictly above the rectification's region")
    @APIResponse(responseCode = "404", description = "No such rectification")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED, or the item is not COMPLIANT nor waived (its status is named)")
    @APIResponse(responseCode = "412", description = PRECONDITION_FAILED)
    Rectification verify(@PathParam("id") String id, @Valid @NotNull RectificationDecision decision);

    @POST
    @Requires(Role.ADMIN)
    @Path("/{id}/reject")
    @Operation(operationId = "rejectRectification", summary = "Send a submitted rectification back to the region (an admin of a region strictly above)",
            description = "SUBMITTED → REJECTED, with a note: the region acts again and submits again. Audited.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = false, schema = @Schema(type = SchemaType.STRING),
            description = IF_MATCH)
    @APIResponse(responseCode = "200", description = "REJECTED", content = @Content(schema = @Schema(implementation = Rectification.class)))
    @APIResponse(responseCode = "403", description = "Not an admin of a region strictly above the rectification's region")
    @APIResponse(responseCode = "404", description = "No such rectification")
    @APIResponse(responseCode = "409", description = "Not SUBMITTED")
    @APIResponse(responseCode = "412", description = PRECONDITION_FAILED)
    Rectification reject(@PathParam("id") String id, @Valid @NotNull RectificationDecision decision);
}
