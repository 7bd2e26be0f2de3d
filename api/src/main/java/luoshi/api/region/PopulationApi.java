package luoshi.api.region;

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
import java.util.List;
import luoshi.api.common.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @Path("/{code}/population/{year}")
    @Operation(operationId = "putPopulation", summary = "Set a region's population for a year",
            description = "female and youth, when given, are at most total.")
    @APIResponse(responseCode = "200", description = "The stored population")
    @APIResponse(responseCode = "400", description = "A negative count, female or youth above total, a year outside 1949..2100")
    @APIResponse(responseCode = "404", description = "Unknown region")
    Population put(@Parameter(example = "330602") @PathParam("code") RegionCode code,
            @Parameter(example = "2025") @PathParam("year") int year, @Valid @NotNull PopulationWrite population);

    @GET
    @Path("/{code}/population/{year}")
    @Operation(operationId = "getPopulation", summary = "A region's population for a year")
    @APIResponse(responseCode = "200", description = "The population")
    @APIResponse(responseCode = "404", description = "Unknown region, or no population for that year")
    Population get(@Parameter(example = "330602") @PathParam("code") RegionCode code,
            @Parameter(example = "2025") @PathParam("year") int year);

    @POST
    @Path("/population/batch")
    @Operation(operationId = "importPopulation", summary = "Import population rows (JSON array)",
            description = "All or nothing; every region must exist. Identical rows change nothing.")
    @APIResponse(responseCode = "200", description = "What the import did")
    @APIResponse(responseCode = "400", description = "Invalid rows, each named like [3].total; nothing is stored")
    ImportResult importPopulation(@Valid @NotNull List<@Valid @NotNull PopulationRow> rows);

    @POST
    @Path("/population/batch")
    @Consumes(RegionsApi.CSV)
    @Operation(operationId = "importPopulation", summary = "Import population rows (CSV)",
            description = "text/csv with the header regionCode,year,total and optionally female,youth.")
    @APIResponse(responseCode = "200", description = "What the import did")
    @APIResponse(responseCode = "400", description = "A malformed file or invalid rows; nothing is stored")
    ImportResult importPopulationCsv(@NotNull String csv);

    @DELETE
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
