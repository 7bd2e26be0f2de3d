package luoshi.api.region;

import org.jboss.resteasy.reactive.RestResponse;
import luoshi.api.common.BatchResult;
import jakarta.validation.Valid;
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
import luoshi.api.common.Bulk;
import luoshi.api.common.Problem;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Population per region and year (API.md, "Regions and population"): the base of the per-capita
 * funding rules (SHAOXING-2015 item 21: 按人均一元钱标准). {@code female} and {@code youth} are
 * further bases, optional.
 */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "regions", description = "Administrative regions (行政区划) from province to village, and their population")
public interface PopulationApi {

    int FIRST_YEAR = 1949;
    int LAST_YEAR = 2100;

    @PUT
    @Requires(Role.OPERATOR)
    @Path("/{code}/population/{year}")
    @Operation(operationId = "putPopulation", summary = "Set a region's population for a year",
            description = "female and youth, when given, are at most total.")
    @APIResponse(responseCode = "200", description = "The stored population")
    @APIResponse(responseCode = "400", description = "A negative count, female or youth above total, a year outside 1949..2100")
    @APIResponse(responseCode = "404", description = "Unknown region")
    Population put(@Parameter(example = "330602") @PathParam("code") RegionCode code,
            @Parameter(example = "2025") @PathParam("year") int year, @Valid @NotNull PopulationWrite population);

    @GET
    @Requires(Role.VIEWER)
    @Path("/{code}/population/{year}")
    @Operation(operationId = "getPopulation", summary = "A region's population for a year")
    @APIResponse(responseCode = "200", description = "The population")
    @APIResponse(responseCode = "404", description = "Unknown region, or no population for that year")
    Population get(@Parameter(example = "330602") @PathParam("code") RegionCode code,
            @Parameter(example = "2025") @PathParam("year") int year);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/population/batch")
    @Operation(operationId = "importPopulation", summary = "Import population rows (JSON array)",
            description = "All or nothing, at most 10,000 rows; every region must exist. Identical rows change nothing.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PopulationRow.class)))
    @APIResponse(responseCode = "200", description = "What the import did")
    @APIResponse(responseCode = "400", description = "Invalid rows, each named like [3].total; nothing is stored")
    ImportResult importPopulation(InputStream rows);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/population/batch")
    @Consumes(RegionsApi.CSV)
    @Operation(operationId = "importPopulation", summary = "Import population rows (CSV)",
            description = "text/csv with the header regionCode,year,total and optionally female,youth; at most 10,000 rows.")
    @RequestBody(content = @Content(mediaType = RegionsApi.CSV, schema = @Schema(type = SchemaType.STRING,
            example = "regionCode,year,total,female,youth\n330602,2025,1014000,507000,240000\n")))
    @APIResponse(responseCode = "200", description = "What the import did")
    @APIResponse(responseCode = "400", description = "A malformed file or invalid rows; nothing is stored")
    ImportResult importPopulationCsv(InputStream csv);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/population/batch")
    @Consumes(Bulk.XLSX)
    @Operation(operationId = "importPopulation", summary = "Import population rows (XLSX)", description = BatchResult.XLSX_BODY)
    @RequestBody(content = @Content(mediaType = Bulk.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "What the import did")
    @APIResponse(responseCode = "400", description = BatchResult.XLSX_INVALID)
    @APIResponse(responseCode = "403", description = "A row outside the caller's region, named; nothing stored")
    ImportResult importPopulationXlsx(InputStream workbook);

    @GET
    @Requires(Role.VIEWER)
    @Path("/population/batch/template")
    @Produces(Bulk.XLSX)
    @Operation(operationId = "getPopulationBatchTemplate", summary = "The XLSX template of the population batch", description = BatchResult.TEMPLATE)
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(mediaType = Bulk.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<batch>-template.xlsx\"",
                    schema = @Schema(type = SchemaType.STRING)))
    RestResponse<byte[]> populationTemplate();

    @DELETE
    @Requires(Role.OPERATOR)
    @Path("/{code}/population/{year}")
    @Operation(operationId = "deletePopulation", summary = "Delete a region's population for a year",
            description = "For a figure entered in error. The deletion reaches the other services' copies through the change "
                    + "feed, so per-capita requirements of that year lose their population base. Audited with the population "
                    + "as it was.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown region, or no population for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    void delete(@Parameter(example = "330602") @PathParam("code") RegionCode code,
            @Parameter(example = "2025") @PathParam("year") int year);
}
