package luoshi.api.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import luoshi.api.common.Problem;
import luoshi.api.common.ConditionalRead;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import luoshi.api.compliance.ComplianceApi;
import luoshi.api.region.RegionCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The trend of a region's compliance and score (API.md, "Evaluation and trends"), served by review-service from the
 * snapshots its daily job keeps ({@link SnapshotsApi}) for every region down to county level; any other region is
 * snapshotted when its trend is first asked for, and by the daily job from then on.
 */
@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "compliance", description = ComplianceApi.TAG)
public interface TrendApi {

    String EXAMPLE = """
            {"regionCode":"330600","year":2026,
             "points":[{"date":"2026-11-21","counts":{"COMPLIANT":12,"PENDING":1,"NON_COMPLIANT":2,"NO_DATA":1,"NOT_APPLICABLE":40},
                        "complianceRate":0.7500,"score":78.6,
                        "dimensions":{"COMMON":80.0,"SPECIFIC":70.0,"PROGRESS":null,"SATISFACTION":100.0}},
                       {"date":"2026-11-22","counts":{"COMPLIANT":13,"PENDING":0,"NON_COMPLIANT":2,"NO_DATA":1,"NOT_APPLICABLE":40},
                        "complianceRate":0.8125,"score":81.3,
                        "dimensions":{"COMMON":85.0,"SPECIFIC":70.0,"PROGRESS":null,"SATISFACTION":100.0}}],
             "incomplete":[]}""";

    @GET
    @Requires(Role.VIEWER)
    @ConditionalRead
    @Path("/{regionCode}/trend")
    @Operation(operationId = "getComplianceTrend", summary = "The daily snapshots of a region's compliance and score (趋势)",
            description = "One point per day on which a snapshot of the region's subtree was taken, oldest first: the "
                    + "rollup's counts and complianceRate and the evaluation's score and dimensions as they were that day "
                    + "(evaluated as of that day). A daily job snapshots every region down to county level; a region it "
                    + "does not cover (a township) or that was never snapshotted is snapshotted now when its trend of the "
                    + "current year is asked for, and daily from then on. from and to bound the dates, both included.")
    @APIResponse(responseCode = "200", description = "The points",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Trend.class),
                    examples = @ExampleObject(name = "绍兴市 2026", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed region code, year or date, or to before from (the problem "
            + "names the field)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A region that review-service's copy of the regions does not have",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    Trend trend(
            @Parameter(description = ComplianceApi.REGION_CODE, example = "330600") @PathParam("regionCode") RegionCode regionCode,
            @Parameter(description = "The year evaluated; defaults to the current year", example = "2026")
            @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = "The first day of the points (YYYY-MM-DD), included") @QueryParam("from") LocalDate from,
            @Parameter(description = "The last day of the points (YYYY-MM-DD), included; not before from")
            @QueryParam("to") LocalDate to);
}
