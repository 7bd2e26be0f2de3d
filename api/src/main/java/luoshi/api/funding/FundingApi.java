package luoshi.api.funding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Funding records (API.md, "Funding"): funding-service. */
@Path("/api/v1/funding")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Funding", description = "Funding records (经费拨付) of the mass organisations' work")
public interface FundingApi {

    @POST
    @Operation(summary = "Record a funding allocation",
            description = "amount > 0 with at most two decimals, as a string or a number.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewFundingRecord.class),
            examples = @ExampleObject(name = "越城区一乡镇共青团工作经费", value = """
                    {"regionCode":"330602001","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"20000.00","documentRef":"绍市财〔2025〕12号"}""")))
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "400", description = "Invalid field, named in violations")
    RestResponse<FundingRecord> create(@Valid @NotNull NewFundingRecord record);

    @POST
    @Path("/batch")
    @Operation(summary = "Record up to 10,000 funding allocations at once, all or nothing",
            description = "Any invalid row → 400 naming every invalid row by index ([3].amount), and nothing is stored.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NewFundingRecord.class),
            examples = @ExampleObject(name = "两个乡镇", value = """
                    [{"regionCode":"330602001","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"20000.00","documentRef":"绍市财〔2025〕12号"},
                     {"regionCode":"330602002","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":20000,"documentRef":"绍市财〔2025〕12号"}]""")))
    @APIResponse(responseCode = "200", description = "Every row stored: {\"accepted\":n}")
    @APIResponse(responseCode = "400", description = "Nothing stored; violations name every invalid row")
    @APIResponse(responseCode = "403", description = "A row outside the caller's region, named; nothing stored")
    BatchResult createBatch(
            @NotNull ArrayNode rows);

    @GET
    @Operation(summary = "List funding records", description = "Filtered by region (exact code), fiscal year and category.")
    Page<FundingRecord> list(
            @QueryParam("regionCode") @ValidRegionCode @Parameter(example = "330602001") String regionCode,
            @QueryParam("fiscalYear") @Min(FundingRecord.FIRST_FISCAL_YEAR) @Max(FundingRecord.LAST_FISCAL_YEAR)
            @Parameter(example = "2025") Integer fiscalYear,
            @QueryParam("category") FundingCategory category,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a funding record")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such record")
    void delete(@PathParam("id") String id);
}
