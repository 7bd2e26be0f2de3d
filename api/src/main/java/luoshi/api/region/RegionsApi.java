package luoshi.api.region;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import luoshi.api.common.Bulk;
import luoshi.api.common.Page;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Regions (API.md, "Regions and population"), owned by org-service. The code rules are
 * {@link RegionCode}'s: level and parent follow from the code, so an inconsistent triple is a 400
 * naming the field. {@value RegionCode#COUNTRY} is the country: readable, never written.
 */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "regions", description = "Administrative regions (行政区划) from province to village, and their population")
public interface RegionsApi {

    String CSV = "text/csv";

    /** The most rows of one regions import: the whole national list (44,700 rows) in one call. */
    int MAX_IMPORT_ROWS = 50_000;

    @PUT
    @Requires(Role.OPERATOR)
    @Path("/{code}")
    @Operation(operationId = "putRegion", summary = "Create or rename a region",
            description = "The level and the parent must be the ones the code implies: 330600 绍兴市 is a CITY under 330000, "
                    + "330602 越城区 a COUNTY under 330600, 330602001 a TOWNSHIP under 330602; a PROVINCE has parentCode null. "
                    + "The parent must exist.")
    @APIResponseSchema(value = Region.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "200", description = "Updated (or unchanged)")
    @APIResponse(responseCode = "400", description = "Malformed code, or a level/parent that does not fit the code, or an unknown parent")
    RestResponse<Region> put(@Parameter(example = "330600") @PathParam("code") RegionCode code,
            @Valid @NotNull RegionWrite region);

    @GET
    @Requires(Role.VIEWER)
    @Path("/{code}")
    @Operation(operationId = "getRegion", summary = "A region", description = "000000 answers the country (中华人民共和国), whose level is null.")
    @APIResponse(responseCode = "200", description = "The region")
    @APIResponse(responseCode = "404", description = "Unknown region")
    Region get(@Parameter(example = "330602") @PathParam("code") RegionCode code);

    @GET
    @Requires(Role.VIEWER)
    @Path("/{code}/children")
    @Operation(operationId = "listRegionChildren", summary = "The children of a region, sorted by code",
            description = "000000's children are the provinces; 330600's are its counties (and, in cities with no "
                    + "county level such as 441900 东莞市, the townships).")
    @APIResponse(responseCode = "200", description = "A page of regions")
    @APIResponse(responseCode = "404", description = "Unknown region")
    Page<Region> children(@Parameter(example = "330600") @PathParam("code") RegionCode code,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk(rows = MAX_IMPORT_ROWS)
    @Path("/batch")
    @Operation(operationId = "importRegions", summary = "Import regions (JSON array)",
            description = "All or nothing. A parent must be in the same batch or stored already. Rows identical "
                    + "to the stored ones change nothing, so a re-import is harmless. At most 50,000 rows, not the "
                    + "10,000 of other batches: the whole national list (44,700 rows) imports in one call.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Region.class)))
    @APIResponse(responseCode = "200", description = "What the import did")
    @APIResponse(responseCode = "400", description = "Some rows are invalid: each violation names its row, e.g. [3].parentCode; nothing is stored")
    ImportResult importRegions(InputStream regions);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk(rows = MAX_IMPORT_ROWS)
    @Path("/batch")
    @Consumes(CSV)
    @Operation(operationId = "importRegions", summary = "Import regions (CSV)",
            description = "text/csv with the header code,name,level,parentCode (an empty parentCode for a province), "
                    + "e.g. the national file regions-cn-2023.csv. Same rules and limits as the JSON import; row [0] is the first "
                    + "after the header.")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
            example = "code,name,level,parentCode\n330602,越城区,COUNTY,330600\n")))
    @APIResponse(responseCode = "200", description = "What the import did")
    @APIResponse(responseCode = "400", description = "A malformed file or invalid rows; nothing is stored")
    ImportResult importRegionsCsv(InputStream csv);
}
