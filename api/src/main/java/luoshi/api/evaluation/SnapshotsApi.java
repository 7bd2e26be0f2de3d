package luoshi.api.evaluation;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import luoshi.api.region.RegionCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The daily snapshot job that the trends answer ({@link TrendApi}; API.md, "Calls added within version 1"), run now by an
 * admin: served by review-service, which runs it daily.
 */
@Path("/api/v1/snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "snapshots", description = "快照: the daily snapshots of every region's compliance and score that the trends answer")
public interface SnapshotsApi {

    @POST
    @Requires(Role.ADMIN)
    @Path("/run")
    @Operation(operationId = "runSnapshots", summary = "Run the snapshot job now for a date and a region's subtree (admin)",
            description = "Keeps, for the region and every region of its subtree down to county level (and each region "
                    + "whose trend was asked for), the rollup's counts and rate and the evaluation's scores of the date's "
                    + "year as of the date: once per region and day, so a second run of the same day takes nothing. "
                    + "asOf defaults to today; regionCode to the caller's region, and must lie in it.")
    SnapshotRun run(@Parameter(description = "The day the snapshots are taken for (YYYY-MM-DD, e.g. 2026-11-22); today "
            + "when left out") @QueryParam("asOf") LocalDate asOf,
            @QueryParam("regionCode") RegionCode regionCode);
}
