package luoshi.api.funding;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

/** Funding records (API.md, "Funding"): funding-service. */
@Path("/api/v1/funding")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "funding", description = "Funding records (经费拨付) of the mass organisations' work")
public interface FundingApi {

    String RECORD_EXAMPLE = """
            {"id":"1024","regionCode":"330602001","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"20000.00","documentRef":"绍市财〔2025〕12号","version":3}""";

    @POST
    @Requires(Role.OPERATOR)
    @Operation(operationId = "createFunding", summary = "Record a funding allocation",
            description = "amount > 0 with at most two decimals, as a string or a number.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewFundingRecord.class),
            examples = @ExampleObject(name = "越城区一乡镇共青团工作经费", value = """
                    {"regionCode":"330602001","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"20000.00","documentRef":"绍市财〔2025〕12号"}""")))
    @APIResponseSchema(value = FundingRecord.class, responseCode = "201", responseDescription = "Stored")
    @APIResponse(responseCode = "400", description = "Invalid field, named in violations")
    @APIResponse(responseCode = "404", description = "No such region (the problem names the code); nothing stored")
    RestResponse<FundingRecord> create(@Valid @NotNull NewFundingRecord record);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/batch")
    @Operation(operationId = "createFundingBatch", summary = "Record up to 10,000 funding allocations at once, all or nothing",
            description = "Any invalid row → 400 naming every invalid row by index ([3].amount), and nothing is stored.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NewFundingRecord.class),
            examples = @ExampleObject(name = "两个乡镇", value = """
                    [{"regionCode":"330602001","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"20000.00","documentRef":"绍市财〔2025〕12号"},
                     {"regionCode":"330602002","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"20000.00","documentRef":"绍市财〔2025〕12号"}]""")))
    @APIResponse(responseCode = "200", description = "Every row stored: {\"accepted\":n}")
    @APIResponse(responseCode = "400", description = "Nothing stored; violations name every invalid row, and every row "
            + "whose region does not exist ([3].regionCode)")
    @APIResponse(responseCode = "403", description = "A row outside the caller's region, named; nothing stored")
    BatchResult createBatch(InputStream rows);

    @POST
    @Requires(Role.OPERATOR)
    @Bulk
    @Path("/batch")
    @Consumes(Bulk.XLSX)
    @Operation(operationId = "createFundingBatch", summary = "Record up to 10,000 funding allocations at once, all or nothing (XLSX)", description = BatchResult.XLSX_BODY)
    @RequestBody(content = @Content(mediaType = Bulk.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200", description = "Every row stored: {\"accepted\":n}")
    @APIResponse(responseCode = "400", description = BatchResult.XLSX_INVALID)
    @APIResponse(responseCode = "403", description = "A row outside the caller's region, named; nothing stored")
    BatchResult createBatchXlsx(InputStream workbook);

    @GET
    @Requires(Role.VIEWER)
    @Path("/batch/template")
    @Produces(Bulk.XLSX)
    @Operation(operationId = "getFundingBatchTemplate", summary = "The XLSX template of the funding batch", description = BatchResult.TEMPLATE)
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(mediaType = Bulk.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<batch>-template.xlsx\"",
                    schema = @Schema(type = SchemaType.STRING)))
    RestResponse<byte[]> batchTemplate();

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listFunding", summary = "List funding records", description = "Filtered by region (exact code), fiscal year and category.")
    Page<FundingRecord> list(
            @QueryParam("regionCode") @Parameter(example = "330602001") RegionCode regionCode,
            @QueryParam("fiscalYear") @Min(FundingRecord.FIRST_FISCAL_YEAR) @Max(FundingRecord.LAST_FISCAL_YEAR)
            @Parameter(example = "2025") Integer fiscalYear,
            @QueryParam("category") FundingCategory category,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @GET
    @Requires(Role.VIEWER)
    @Path("/{id}")
    @Operation(operationId = "getFunding", summary = "A funding record (一笔经费拨付)",
            description = "The record as stored, by its id.")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundingRecord.class),
                    examples = @ExampleObject(name = "塔山街道 2025", value = RECORD_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such record",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    FundingRecord get(@PathParam("id") @Parameter(example = "1024") String id);

    @PUT
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "updateFunding", summary = "Correct a funding record (更正经费拨付)",
            description = "Replaces every field of the record, with the rules of its creation (amount > 0, a known "
                    + "region); the verdicts reflect the correction at once. Authorised like a creation in both the "
                    + "record's region and the new one: moving a record out of the caller's region is a 403.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewFundingRecord.class),
            examples = @ExampleObject(name = "塔山街道 2025: 19999.99 更正为 20000.00", value = """
                    {"regionCode":"330602001","category":"YOUTH_LEAGUE_WORK","fiscalYear":2025,"amount":"20000.00","documentRef":"绍市财〔2025〕12号"}""")))
    @APIResponse(responseCode = "200", description = "The corrected record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundingRecord.class),
                    examples = @ExampleObject(name = "塔山街道 2025", value = RECORD_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, named in violations; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such record, or no such region (the problem names the code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    FundingRecord update(@PathParam("id") @Parameter(example = "1024") String id, @Valid @NotNull NewFundingRecord record);

    // A PATCH body is read as JSON so that a field given as null ("documentRef": null) differs from one not given; its
    // schema is the named record (as for organisations).
    @PATCH
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "patchFunding", summary = "Correct some fields of a funding record (更正经费拨付)",
            description = "Changes the fields given (regionCode, category, fiscalYear, amount, documentRef) and no other, "
                    + "with the rules of a creation (amount > 0 with at most two decimals, a known region); a concurrent "
                    + "correction of another field is kept. A new regionCode moves the record: the caller must be allowed "
                    + "to write both regions. Audited with the record before and after; the verdicts follow at once.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = FundingPatch.class), examples = {
            @ExampleObject(name = "金额更正为 20000.00", value = """
                    {"amount":"20000.00"}"""),
            @ExampleObject(name = "补录文号", value = """
                    {"documentRef":"绍市财〔2025〕12号"}"""),
            @ExampleObject(name = "删除文号", value = """
                    {"documentRef":null}""")}))
    @APIResponse(responseCode = "200", description = "The corrected record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FundingRecord.class),
                    examples = @ExampleObject(name = "塔山街道 2025", value = RECORD_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field that cannot be read, is null or unknown, or breaks a rule of "
            + "creation; violations name it; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such record, or no such region (the problem names the code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    FundingRecord patch(@PathParam("id") @Parameter(example = "1024") String id, @NotNull ObjectNode changes);

    @DELETE
    @Requires(Role.OPERATOR)
    @Path("/{id}")
    @Operation(operationId = "deleteFunding", summary = "Delete a funding record")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such record")
    void delete(@PathParam("id") String id);
}
