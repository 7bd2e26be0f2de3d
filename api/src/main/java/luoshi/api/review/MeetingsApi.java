package luoshi.api.review;

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
import luoshi.api.common.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** API.md, "Committee terms, meetings, documents": the meetings the meeting requirements count. */
@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings", description = "Party committee meetings on mass-organisation work (党委研究群团工作的会议)")
public interface MeetingsApi {

    @POST
    @Operation(summary = "Record a meeting", description = "A date that does not exist (2025-02-30) is a 400 naming date.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid field")
    RestResponse<Meeting> create(@Valid @NotNull NewMeeting meeting);

    @GET
    @Operation(summary = "Meetings, filtered by region, calendar year and type, by date")
    Page<Meeting> list(@QueryParam("regionCode") @RegionCodeValue String regionCode,
            @QueryParam("year") @Min(1949) @Max(9999) Integer year,
            @QueryParam("type") MeetingType type,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a meeting recorded by mistake")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such meeting")
    void delete(@PathParam("id") String id);
}
