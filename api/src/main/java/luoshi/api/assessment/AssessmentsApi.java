package luoshi.api.assessment;

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
import luoshi.api.common.Page;
import luoshi.api.common.Problem;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import luoshi.api.region.RegionCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
 * API.md, "Satisfaction assessments" (群众满意度, 第三方评估; SHAOXING-2015: 以群众满意为标准引入第三方评估): review-service.
 * A third party (the role {@code assessor}) or an admin records them in its subtree; everyone who reads there reads them.
 */
@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "assessments", description = "Satisfaction assessments by third parties (群众满意度第三方评估)")
public interface AssessmentsApi {

    String EXAMPLE = """
            {"regionCode":"330602","year":2025,"assessor":"浙江省统计局民意调查中心","method":"SURVEY","respondents":1200,"satisfied":1032,"subject":"MASSES","documentRef":"浙统民调〔2025〕18号"}""";

    @POST
    @Requires(Role.ASSESSOR)
    @Operation(operationId = "createAssessment", summary = "Record a satisfaction assessment",
            description = "respondents > 0 and satisfied ≤ respondents (a 400 naming the field). The year's MASSES "
                    + "assessments feed MASS_SATISFACTION, its SUBORDINATE_ORGS ones SUBORDINATE_SATISFACTION.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewAssessment.class),
            examples = @ExampleObject(name = "越城区 2025 群众满意度调查", value = EXAMPLE)))
    @APIResponseSchema(value = Assessment.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid field, named")
    @APIResponse(responseCode = "404", description = "No such region (the code is named); nothing is stored")
    RestResponse<Assessment> create(@Valid @NotNull NewAssessment assessment);

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listAssessments", summary = "Assessments of a region's subtree, filtered by year",
            description = "Without regionCode: the caller's subtree.")
    Page<Assessment> list(@QueryParam("regionCode") @Parameter(example = "330600") RegionCode regionCode,
            @QueryParam("year") @Min(NewAssessment.FIRST_YEAR) @Max(NewAssessment.LAST_YEAR) @Parameter(example = "2025") Integer year,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @GET
    @Requires(Role.VIEWER)
    @Path("/{id}")
    @Operation(operationId = "getAssessment", summary = "A satisfaction assessment")
    @APIResponse(responseCode = "200", description = "The assessment",
            content = @Content(schema = @Schema(implementation = Assessment.class)))
    @APIResponse(responseCode = "403", description = "The assessment's region lies outside the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such assessment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    Assessment get(@Parameter(example = "5c1f0e2a-7b3d-4c8e-9f10-2a3b4c5d6e7f") @PathParam("id") String id);

    @PUT
    @Requires(Role.ASSESSOR)
    @Path("/{id}")
    @Operation(operationId = "updateAssessment", summary = "Correct a satisfaction assessment",
            description = "Replaces the assessment's fields (as on create; the region must exist). Authorised like the "
                    + "write it corrects: an assessor or admin of both the assessment's region and the region it moves to; "
                    + "audited with before and after, and the satisfaction verdicts follow at once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewAssessment.class),
            examples = @ExampleObject(name = "越城区 2025 满意人数更正", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The corrected assessment",
            content = @Content(schema = @Schema(implementation = Assessment.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The assessment's region, or the region it moves to, lies outside the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such assessment, or no such region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    Assessment update(@Parameter(example = "5c1f0e2a-7b3d-4c8e-9f10-2a3b4c5d6e7f") @PathParam("id") String id,
            @Valid @NotNull NewAssessment assessment);

    @DELETE
    @Requires(Role.ASSESSOR)
    @Path("/{id}")
    @Operation(operationId = "deleteAssessment", summary = "Withdraw an assessment recorded by mistake",
            description = "Audited with the assessment as it was; the verdicts follow at once.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The assessment's region lies outside the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such assessment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    void delete(@Parameter(example = "5c1f0e2a-7b3d-4c8e-9f10-2a3b4c5d6e7f") @PathParam("id") String id);
}
