package luoshi.api.funding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Union fees due and collected per region and year (API.md, "Funding"): funding-service. */
@Path("/api/v1/union-fees/{regionCode}/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funding")
public interface UnionFeesApi {

    @PUT
    @Operation(summary = "Set the union fees due and collected for a region and year (工会经费收缴)",
            description = "Creates or replaces. Both amounts ≥ 0 with at most two decimals.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UnionFees.class),
            examples = @ExampleObject(name = "越城区 2025", value = "{\"due\":\"1200000.00\",\"collected\":\"1188000.00\"}")))
    @APIResponse(responseCode = "200", description = "Stored")
    UnionFeeRecord put(@PathParam("regionCode") @ValidRegionCode @Parameter(example = "330602") String regionCode,
            @PathParam("year") @Min(FundingRecord.FIRST_FISCAL_YEAR) @Max(FundingRecord.LAST_FISCAL_YEAR)
            @Parameter(example = "2025") int year,
            @Valid @NotNull UnionFees fees);

    @GET
    @Operation(summary = "The union fees of a region and year")
    @APIResponse(responseCode = "200", description = "Found")
    @APIResponse(responseCode = "404", description = "None recorded")
    UnionFeeRecord get(@PathParam("regionCode") @ValidRegionCode @Parameter(example = "330602") String regionCode,
            @PathParam("year") @Min(FundingRecord.FIRST_FISCAL_YEAR) @Max(FundingRecord.LAST_FISCAL_YEAR) int year);
}
