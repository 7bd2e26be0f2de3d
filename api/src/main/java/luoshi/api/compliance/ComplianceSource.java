package luoshi.api.compliance;

import luoshi.api.region.RegionCode;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import io.smallrye.common.annotation.Blocking;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;
import luoshi.api.common.Page;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;

/**
 * What each of org-, funding- and review-service answers about the requirements it owns. Internal:
 * the gateway merges the three for the public compliance views, review-service's reminder job
 * reads the open items of all three. Every service implements it with a resource class; callers
 * build a client of this same interface, so the shape is defined once.
 */
@Path(ComplianceSource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public interface ComplianceSource {

    /** Where every service answers this interface. */
    String PATH = "/internal/v1/compliance";

    /** The path of {@link #openItems} under {@link #PATH}: the reminder job also reads it as a stream. */
    String OPEN_ITEMS = "/open-items";

    /**
     * The largest page of {@link #openItems}: the reminder job reads the whole country's open items, and each call
     * evaluates every requirement over the country again, so few large pages (benchmarks/: 85 pages of 500 took
     * minutes).
     */
    int MAX_OPEN_ITEMS_PAGE = 50_000;

    /**
     * The header of every answer about a region ({@link #items}, {@link #rollup}, {@link #followUp}): the version of the
     * answers about the region's subtree in this service, read before the answer was computed (it changes with every
     * write in the subtree or reaching it from above, and with nothing else). The gateway puts the three services'
     * versions into the public answers' {@code ETag} (API.md, "Conditional reads").
     */
    String ANSWER_VERSION_HEADER = "Luoshi-Answer-Version";

    /** The requirements this service owns, with their parameters as the issuer set them. */
    @GET
    @Requires(Role.VIEWER)
    @Path("/requirements")
    RequirementList requirements();

    /**
     * One item per owned requirement (and period) for one region, year and date. Asynchronous for the caller, so that
     * the gateway's three calls hold no thread while they wait (benchmarks/); a service evaluates on a worker thread.
     */
    @GET
    @Requires(Role.VIEWER)
    @Path("/regions/{regionCode}")
    @Blocking
    CompletionStage<ServiceItems> items(@PathParam("regionCode") RegionCode regionCode, @QueryParam("year") int year,
            @QueryParam("asOf") LocalDate asOf);

    /** Counts over the region's whole subtree, per child and per requirement, computed in SQL; asynchronous as {@link #items}. */
    @GET
    @Requires(Role.VIEWER)
    @Path("/regions/{regionCode}/rollup")
    @Blocking
    CompletionStage<ServiceRollup> rollup(@PathParam("regionCode") RegionCode regionCode, @QueryParam("year") int year,
            @QueryParam("asOf") LocalDate asOf);

    /** The most rows one {@link #followUp} call answers. */
    int MAX_FOLLOW_UP_ROWS = 5_000;

    /**
     * The rows of the follow-up list over the region's subtree that match the filters (API.md, "Follow-up list and
     * readable answers"), evaluated in SQL, in the list's order ({@link FollowUpItem#ORDER}), at most {@code limit}
     * (≤ {@link #MAX_FOLLOW_UP_ROWS}) of them after the row whose key is {@code afterRegion}, {@code afterRequirement},
     * {@code afterPeriod} (none: from the first). {@code status} is a comma-separated list of statuses (none: every
     * status), {@code level} a region level (none: every level); {@code count} asks for the total too. The gateway
     * merges the three services' rows (and asks again after the last row it took from a service).
     */
    @GET
    @Requires(Role.VIEWER)
    @Path("/regions/{regionCode}/items")
    @Blocking
    CompletionStage<ServiceFollowUp> followUp(@PathParam("regionCode") RegionCode regionCode,
            @QueryParam("year") int year, @QueryParam("asOf") LocalDate asOf, @QueryParam("status") String status,
            @QueryParam("level") String level, @QueryParam("requirementId") String requirementId,
            @QueryParam("afterRegion") String afterRegion, @QueryParam("afterRequirement") String afterRequirement,
            @QueryParam("afterPeriod") LocalDate afterPeriod, @QueryParam("limit") @DefaultValue("500") int limit,
            @QueryParam("count") boolean count);

    /**
     * The open rectifications (OPEN, SUBMITTED, REJECTED) of the regions of the subtree whose codes lie in
     * [{@code fromRegion}, {@code toRegion}]: the gateway asks for those of the rows of the follow-up list it has read
     * (an item has at most one open), and matches them by requirement, region and period start. Empty from a service that keeps none (only review-service does).
     */
    @GET
    @Requires(Role.VIEWER)
    @Path("/regions/{regionCode}/open-rectifications")
    List<ItemRectification> openRectifications(@PathParam("regionCode") RegionCode regionCode,
            @QueryParam("fromRegion") String fromRegion,
            @QueryParam("toRegion") String toRegion);

    /**
     * Every PENDING or NON_COMPLIANT item in the whole country whose due date lies in
     * [dueFrom, dueTo], evaluated on {@code asOf}; ordered by requirement, region and period so that
     * pages are stable. The reminder job's bulk read: a call per page, never one per region.
     */
    @GET
    @Requires(Role.SERVICE)
    @Path(OPEN_ITEMS)
    Page<OpenItem> openItems(@QueryParam("asOf") LocalDate asOf, @QueryParam("dueFrom") LocalDate dueFrom,
            @QueryParam("dueTo") LocalDate dueTo, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("500") int size);
}
