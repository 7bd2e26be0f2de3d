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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** API.md, "Committee terms, meetings, documents": the party committees' terms (党委任期). */
@Path("/api/v1/committee-terms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "committee-terms", description = "Party committee terms (党委任期), the periods of TERM requirements")
public interface CommitteeTermsApi {

    @POST
    @Requires(Role.OPERATOR)
    @Operation(operationId = "createCommitteeTerm", summary = "Record a committee term",
            description = "The end must be after the start; terms of one region never overlap.")
    @APIResponseSchema(value = CommitteeTerm.class, responseCode = "201", responseDescription = "Recorded")
    @APIResponse(responseCode = "400", description = "Invalid field, or the end not after the start")
    @APIResponse(responseCode = "404", description = "No such region (the code is named); nothing is stored")
    @APIResponse(responseCode = "409", description = "Overlaps another term of the region")
    RestResponse<CommitteeTerm> create(@Valid @NotNull NewCommitteeTerm term);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/batch")
    @Operation(operationId = "createCommitteeTermBatch", summary = "Record up to 10,000 committee terms at once, all or nothing",
            description = BatchResult.ALL_OR_NOTHING + "Each end must be after its start ([3].end). No term may overlap a "
                    + "stored term of its region, nor another term of the same region in the batch: 409 naming the row "
                    + "and the term it overlaps, and nothing is stored. With an Idempotency-Key, an import retried after a "
                    + "lost answer answers as the first did instead of 409.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NewCommitteeTerm.class),
            examples = @ExampleObject(name = "绍兴市委和越城区委的两届任期", value = """
                    [{"regionCode":"330600","start":"2016-10-01","end":"2021-09-30"},
                     {"regionCode":"330600","start":"2021-10-01","end":"2026-09-30"},
                     {"regionCode":"330602","start":"2021-10-01","end":"2026-09-30"}]""")))
    @APIResponse(responseCode = "200", description = "Every row stored: {\"accepted\":n}")
    @APIResponse(responseCode = "400", description = "Nothing stored; violations name every invalid row")
    @APIResponse(responseCode = "403", description = "A row outside the caller's region, named; nothing stored")
    @APIResponse(responseCode = "409", description = "A row overlaps another term of its region, stored or in the batch; "
            + "the row and that term are named, and nothing is stored")
    BatchResult createBatch(InputStream rows);

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listCommitteeTerms", summary = "Committee terms, of one region when regionCode is given, by start")
    Page<CommitteeTerm> list(@QueryParam("regionCode") RegionCode regionCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @PUT
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "updateCommitteeTerm", summary = "Correct a committee term",
            description = "Sets the term's start and end, and its region when regionCode is given (the region must exist). "
                    + "The end must be after the start; the corrected term must not overlap another term of its region "
                    + "(the term itself does not count). Authorised like the write it corrects: an operator of both the "
                    + "term's region and the region it moves to; audited with before and after, and the verdicts follow "
                    + "at once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CommitteeTermCorrection.class),
            examples = @ExampleObject(name = "越城区委任期延至2026年10月底", value = """
                    {"start":"2021-10-01","end":"2026-10-31"}""")))
    @APIResponse(responseCode = "200", description = "The corrected term",
            content = @Content(schema = @Schema(implementation = CommitteeTerm.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, or the end not after the start (names end)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The term's region, or the region it moves to, lies outside the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such term, or no such region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Overlaps another term of the region; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CommitteeTerm update(@Parameter(example = "5f0c2a9e-3b1d-4c55-9d0e-1f2a3b4c5d6e") @PathParam("id") String id,
            @Valid @NotNull CommitteeTermCorrection term);

    @DELETE
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "deleteCommitteeTerm", summary = "Withdraw a committee term recorded by mistake",
            description = "Its TERM items go with it at once. Audited with the term as it was.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The term's region lies outside the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such term",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    void delete(@Parameter(example = "5f0c2a9e-3b1d-4c55-9d0e-1f2a3b4c5d6e") @PathParam("id") String id);
}
