package luoshi.api.funding;

import org.jboss.resteasy.reactive.RestResponse;
import luoshi.api.region.RegionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Bulk;
import luoshi.api.common.Problem;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Union fees due and collected per region and year (API.md, "Funding"): funding-service. */
@Path("/api/v1/union-fees")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "union-fees", description = "Union fees (工会经费) due and collected, per region and year")
public interface UnionFeesApi {

    @PUT
    @Requires(Role.OPERATOR)
    @Path("/{regionCode}/{year}")
    @Operation(operationId = "putUnionFees", summary = "Set the union fees due and collected for a region and year (工会经费收缴)",
            description = "Creates or replaces. Both amounts ≥ 0 with at most two decimals.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UnionFees.class),
            examples = @ExampleObject(name = "越城区 2025", value = "{\"due\":\"1200000.00\",\"collected\":\"1188000.00\"}")))
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "404", description = "No such region (the problem names the code); nothing stored")
    UnionFeeRecord put(@PathParam("regionCode") @Parameter(example = "330602") RegionCode regionCode,
            @PathParam("year") @Min(FundingRecord.FIRST_FISCAL_YEAR) @Max(FundingRecord.LAST_FISCAL_YEAR)
            @Parameter(example = "2025") int year,
            @Valid @NotNull UnionFees fees);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/batch")
    @Operation(operationId = "importUnionFees", summary = "Set the union fees of up to 10,000 regions and years at once, all or nothing (工会经费收缴)",
            description = BatchResult.ALL_OR_NOTHING + "Each row creates or replaces the fees of its region and year, as PUT "
                    + "/api/v1/union-fees/{regionCode}/{year} does; a region and year twice in one batch is a 400 naming "
                    + "the second row. Sending a batch again changes nothing.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = UnionFeeRow.class),
            examples = @ExampleObject(name = "越城区和柯桥区 2025", value = """
                    [{"regionCode":"330602","year":2025,"due":"1200000.00","collected":"1188000.00"},
                     {"regionCode":"330603","year":2025,"due":"980000.00","collected":"980000.00"}]""")))
    @APIResponse(responseCode = "200", description = "Every row stored: {\"accepted\":n}")
    @APIResponse(responseCode = "400", description = "Nothing stored; violations name every invalid row, and every row "
            + "whose region does not exist ([3].regionCode)")
    @APIResponse(responseCode = "403", description = "A row outside the caller's region, named; nothing stored")
    BatchResult putBatch(InputStream rows);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/batch")
    @Consumes(Bulk.XLSX)
    @Operation(operationId = "importUnionFees", summary = "Set the union fees of up to 10,000 regions and years at once, all or nothing (XLSX)", description = BatchResult.XLSX_BODY)
    @RequestBody(content = @Content(mediaType = Bulk.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Every row stored: {\"accepted\":n}")
    @APIResponse(responseCode = "400", description = BatchResult.XLSX_INVALID)
    @APIResponse(responseCode = "403", description = "A row outside the caller's region, named; nothing stored")
    BatchResult putBatchXlsx(InputStream workbook);

    @GET
    @Requires(Role.VIEWER)
    @Path("/batch/template")
    @Produces(Bulk.XLSX)
    @Operation(operationId = "getUnionFeesBatchTemplate", summary = "The XLSX template of the union fees batch", description = BatchResult.TEMPLATE)
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(mediaType = Bulk.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<batch>-template.xlsx\"",
                    schema = @Schema(type = SchemaType.STRING)))
    RestResponse<byte[]> batchTemplate();

    @GET
    @Requires(Role.VIEWER)
    @Path("/{regionCode}/{year}")
    @Operation(operationId = "getUnionFees", summary = "The union fees of a region and year")
    @APIResponse(responseCode = "200", description = "Found")
    @APIResponse(responseCode = "404", description = "None recorded")
    UnionFeeRecord get(@PathParam("regionCode") @Parameter(example = "330602") RegionCode regionCode,
            @PathParam("year") @Min(FundingRecord.FIRST_FISCAL_YEAR) @Max(FundingRecord.LAST_FISCAL_YEAR) int year);

    @DELETE
    @Requires(Role.OPERATOR)
    @Path("/{regionCode}/{year}")
    @Operation(operationId = "deleteUnionFees", summary = "Delete the union fees of a region and year (撤销工会经费收缴记录)",
            description = "Authorised like setting them; the verdicts reflect the deletion at once (NO_DATA).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "A malformed region code or year, named in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "None recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    void delete(@PathParam("regionCode") @Parameter(example = "330602") RegionCode regionCode,
            @PathParam("year") @Min(FundingRecord.FIRST_FISCAL_YEAR) @Max(FundingRecord.LAST_FISCAL_YEAR)
            @Parameter(example = "2025") int year);
}
