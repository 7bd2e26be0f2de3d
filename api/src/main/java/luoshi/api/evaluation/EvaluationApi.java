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
import java.util.concurrent.CompletionStage;
import luoshi.api.common.Problem;
import luoshi.api.common.ConditionalRead;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import luoshi.api.compliance.ComplianceApi;
import luoshi.api.region.RegionCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The composite evaluation (综合评价; API.md, "Evaluation and trends"; ZHEJIANG-2020 §8; SHAOXING-2015: 建立符合群团工作
 * 特点的综合考评机制), served by the gateway from the three services' rollups: the weights are those of the requirement
 * versions that judged the items, so a later version's weight never changes a past year's score.
 */
@Path("/api/v1/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "evaluation", description = "综合评价: the weighted score of a region's subtree, per dimension, and its rank")
public interface EvaluationApi {

    String EXAMPLE = """
            {"regionCode":"330600","regionName":"绍兴市","year":2025,"asOf":"2026-11-22","score":81.3,
             "dimensions":{"COMMON":85.0,"SPECIFIC":70.0,"PROGRESS":null,"SATISFACTION":100.0},
             "rank":4,"of":11,
             "children":[{"regionCode":"330602","regionName":"越城区","score":90.0,"rank":1}],
             "incomplete":[]}""";

    @GET
    @Requires(Role.VIEWER)
    @ConditionalRead
    @Path("/{regionCode}")
    @Operation(operationId = "getEvaluation", summary = "The weighted score of a region's subtree, per dimension, with ranks (综合评价)",
            description = "score = 100 × Σ weight of the COMPLIANT items ÷ Σ weight of the COMPLIANT, PENDING, "
                    + "NON_COMPLIANT and NO_DATA items over the region and its subtree, with one decimal; null when "
                    + "nothing counts (a waived item is NOT_APPLICABLE: it counts in neither). The same per dimension. "
                    + "rank is the region's place among its siblings (1 = best, ties share a rank), of their number; "
                    + "each child is ranked among the region's children. " + ComplianceApi.INCOMPLETE)
    @Parameter(name = "Cache-Control", in = ParameterIn.HEADER, description = ComplianceApi.CACHE_CONTROL,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Evaluation.class),
                    examples = @ExampleObject(name = "绍兴市 2025", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed region code, year or date (the problem names the field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "A region that org-service does not know",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Evaluation> evaluation(
            @Parameter(description = ComplianceApi.REGION_CODE, example = "330600") @PathParam("regionCode") RegionCode regionCode,
            @Parameter(description = ComplianceApi.YEAR, example = "2025") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = ComplianceApi.AS_OF) @QueryParam("asOf") LocalDate asOf);
}
