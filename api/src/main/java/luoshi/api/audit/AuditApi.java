package luoshi.api.audit;

import luoshi.api.region.RegionCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import luoshi.api.common.Page;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of every write, of all three services merged (the gateway's; admins only). */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "Who changed what and when (审计): every write of every service, append-only")
public interface AuditApi {

    /** How deep the merged pages of the three services may go: narrow {@code from}/{@code to} beyond. */
    int MAX_DEPTH = 10_000;

    @GET
    @Requires(Role.ADMIN)
    @Operation(operationId = "listAuditEvents", summary = "The writes in a region's subtree between two dates, newest first (admin)",
            description = "regionCode defaults to the caller's region; from and to are calendar days in China "
                    + "Standard Time, both included, and default to the beginning and the end of the trail. A batch "
                    + "is one event that holds all its rows. page × size + size may not exceed 10,000.")
    Page<AuditEvent> list(
            @Parameter(example = "330600") @QueryParam("regionCode") RegionCode regionCode,
            @Parameter(example = "2026-01-01") @QueryParam("from") LocalDate from,
            @Parameter(example = "2026-12-31") @QueryParam("to") LocalDate to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);
}
