package luoshi.api.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import luoshi.api.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** API.md, "Committee terms, meetings, documents": the party committees' terms (党委任期). */
@Path("/api/v1/committee-terms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Committee terms", description = "Party committee terms (党委任期), the periods of TERM requirements")
public interface CommitteeTermsApi {

    @POST
    @Operation(summary = "Record a committee term",
            description = "The end must be after the start; terms of one region never overlap.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid field, or the end not after the start")
    @APIResponse(responseCode = "409", description = "Overlaps another term of the region")
    RestResponse<CommitteeTerm> create(@Valid @NotNull NewCommitteeTerm term);

    @GET
    @Operation(summary = "Committee terms, of one region when regionCode is given, by start")
    Page<CommitteeTerm> list(@QueryParam("regionCode") @RegionCodeValue String regionCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);
}
