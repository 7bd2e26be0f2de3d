package luoshi.api.review;

import luoshi.api.region.RegionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import luoshi.api.common.BatchResult;
import luoshi.api.common.Bulk;
import luoshi.api.common.Page;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** API.md, "Committee terms, meetings, documents": the meetings the meeting requirements count. */
@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "meetings", description = "Party committee meetings on mass-organisation work (党委研究群团工作的会议)")
public interface MeetingsApi {

    @POST
    @Requires(Role.OPERATOR)
    @Operation(operationId = "createMeeting", summary = "Record a meeting", description = "A date that does not exist (2025-02-30) is a 400 naming date.")
    @APIResponseSchema(value = Meeting.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "404", description = "No such region (the code is named); nothing is stored")
    RestResponse<Meeting> create(@Valid @NotNull NewMeeting meeting);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/batch")
    @Operation(operationId = "createMeetingBatch", summary = "Record up to 10,000 meetings at once, all or nothing",
            description = BatchResult.ALL_OR_NOTHING + "A meeting has no natural key: send an Idempotency-Key, so that an "
                    + "import retried after a lost answer does not record its meetings twice.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NewMeeting.class),
            examples = @ExampleObject(name = "绍兴市委和越城区委的两次会议", value = """
                    [{"regionCode":"330600","type":"STANDING_COMMITTEE_STUDY","date":"2025-03-10","title":"市委常委会专题研究党的群团工作","documentRef":"绍市委常〔2025〕3号"},
                     {"regionCode":"330602","type":"JOINT_MEETING","date":"2025-05-06","title":"越城区党的群团工作联席会议"}]""")))
    @APIResponse(responseCode = "200", description = "Every row stored: {\"accepted\":n}")
    @APIResponse(responseCode = "400", description = "Nothing stored; violations name every invalid row")
    @APIResponse(responseCode = "403", description = "A row outside the caller's region, named; nothing stored")
    BatchResult createBatch(InputStream rows);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/batch")
    @Consumes(Bulk.XLSX)
    @Operation(operationId = "createMeetingBatch", summary = "Record up to 10,000 meetings at once, all or nothing (XLSX)", description = BatchResult.XLSX_BODY)
    @RequestBody(content = @Content(mediaType = Bulk.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Every row stored: {\"accepted\":n}")
    @APIResponse(responseCode = "400", description = BatchResult.XLSX_INVALID)
    @APIResponse(responseCode = "403", description = "A row outside the caller's region, named; nothing stored")
    BatchResult createBatchXlsx(InputStream workbook);

    @GET
    @Requires(Role.VIEWER)
    @Path("/batch/template")
    @Produces(Bulk.XLSX)
    @Operation(operationId = "getMeetingBatchTemplate", summary = "The XLSX template of the meetings batch", description = BatchResult.TEMPLATE)
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(mediaType = Bulk.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<batch>-template.xlsx\"",
                    schema = @Schema(type = SchemaType.STRING)))
    RestResponse<byte[]> batchTemplate();

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listMeetings", summary = "Meetings, filtered by region, calendar year and type, by date")
    Page<Meeting> list(@QueryParam("regionCode") RegionCode regionCode,
            @QueryParam("year") @Min(1949) @Max(9999) Integer year,
            @QueryParam("type") MeetingType type,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @DELETE
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "deleteMeeting", summary = "Delete a meeting recorded by mistake")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such meeting")
    void delete(@PathParam("id") String id);

    @PUT
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "updateMeeting", summary = "Correct a meeting",
            description = "Replaces the meeting's fields (as on create; the region must exist). Authorised like the write "
                    + "it corrects: an operator of both the meeting's region and the region it moves to; audited with "
                    + "before and after, and the meeting requirements' verdicts follow at once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewMeeting.class),
            examples = @ExampleObject(name = "绍兴市委常委会会议日期更正", value = """
                    {"regionCode":"330600","type":"STANDING_COMMITTEE_STUDY","date":"2025-03-12","title":"市委常委会专题研究党的群团工作","documentRef":"绍市委常〔2025〕3号"}""")))
    @APIResponse(responseCode = "200", description = "The corrected meeting",
            content = @Content(schema = @Schema(implementation = Meeting.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The meeting's region, or the region it moves to, lies outside the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such meeting, or no such region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    Meeting update(@Parameter(example = "0b6f7c1e-8d2a-4e3b-9a5c-6d7e8f901234") @PathParam("id") String id,
            @Valid @NotNull NewMeeting meeting);
}
