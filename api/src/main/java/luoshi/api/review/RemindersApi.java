package luoshi.api.review;

import luoshi.api.region.RegionCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API.md, "Reminders and webhooks": the reminder job and what it created. */
@Path("/api/v1/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reminders", description = "Reminders before and after due dates (督办提醒), for every requirement")
public interface RemindersApi {

    @POST
    @Requires(Role.ADMIN)
    @Path("/run")
    @Operation(operationId = "runReminders", summary = "Run the reminder job now for a date and a region's subtree (admin)",
            description = "Creates, for each PENDING item, only the nearest lead time reached, and OVERDUE once for "
                    + "NON_COMPLIANT items due within the window; never a reminder created before. asOf defaults to today; "
                    + "regionCode (the subtree the run covers) to the caller's region, and must lie in it.")
    ReminderRun run(@Parameter(description = "The date the job runs for (YYYY-MM-DD, e.g. 2026-11-22); today when left out")
            @QueryParam("asOf") LocalDate asOf,
            @QueryParam("regionCode") RegionCode regionCode);

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listReminders", summary = "The reminders of a region's subtree (the caller's region when regionCode is absent), newest first",
            description = "regionCode must lie in the caller's region. `year`: the reminders of the periods that start in "
                    + "it. `status`: the status of the item the reminder was sent for: PENDING (未到期: the UPCOMING "
                    + "reminders) or NON_COMPLIANT (未落实: the OVERDUE ones); no reminder is sent for another status.")
    Page<Reminder> list(@QueryParam("regionCode") RegionCode regionCode,
            @QueryParam("requirementId") @Size(max = 64) String requirementId,
            @QueryParam("stage") ReminderStage stage,
            @Parameter(example = "2026") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(example = "NON_COMPLIANT") @QueryParam("status") ComplianceStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);
}
