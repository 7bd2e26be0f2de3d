package luoshi.api.region;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CompletionStage;
import io.smallrye.common.annotation.Blocking;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * org-service's change feed of regions and population, for the read copies of the other services
 * (ARCHITECTURE.md: reference data flows one way). Internal.
 *
 * <p>Every write of a region or a population row gives that row the next version of one
 * monotonically increasing counter, and versions become visible in order. The feed answers the
 * current state of every row whose version is above {@code since}, in version order, at most
 * {@code limit} rows: so {@code since=0} is the full snapshot for a new consumer, and a consumer
 * that stores {@link RegionFeedPage#version()} and asks again is never behind by more than one poll.
 */
@Path("/internal/v1/region-feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Region feed (internal)", description = "The change feed of regions and population for the other services' read copies")
public interface RegionFeed {

    int MAX_LIMIT = 50_000;

    /** The longest {@code waitMs} of a long poll. */
    long MAX_WAIT_MS = 60_000;

    /**
     * Read your writes across services (API.md): org-service's answers to the compliance calls carry the feed's current
     * version, read during the request; funding's and review's carry the version of their copy.
     */
    String VERSION_HEADER = "Luoshi-Region-Version";

    /** A compliance call with this request header is answered from a copy at least this version (caught up first). */
    String MIN_VERSION_HEADER = "Luoshi-Min-Region-Version";

    @GET
    @Requires(Role.SERVICE)
    @Blocking
    @Operation(summary = "Regions and population rows changed after a version",
            description = "In version order, at most limit rows (regions and population together). since=0 is the full "
                    + "snapshot. Store the answer's version and ask again with since=version while more is true. "
                    + "A long poll: with waitMs, an answer with nothing changed waits until a change after since is "
                    + "committed (answered at once) or waitMs has passed (an empty page).")
    @APIResponse(responseCode = "200", description = "One page of changes")
    @APIResponse(responseCode = "400", description = "since below 0, limit outside 1..50000, or waitMs outside 0..60000")
    CompletionStage<RegionFeedPage> changes(@QueryParam("since") @DefaultValue("0") @Min(0) long since,
            @QueryParam("limit") @DefaultValue("10000") @Min(1) @Max(MAX_LIMIT) int limit,
            @QueryParam("waitMs") @DefaultValue("0") @Min(0) @Max(MAX_WAIT_MS) long waitMs);

    /**
     * One page: the regions and population rows changed after {@code since}, up to and including
     * {@code version} (the highest version in the page, or {@code since} when nothing changed).
     * Apply the regions before the population rows. {@code more} is true when rows above
     * {@code version} exist.
     */
    record RegionFeedPage(List<RegionChange> regions, List<PopulationChange> population, long version,
            boolean more) {
    }

    record RegionChange(long version, String code, String name, RegionLevel level, String parentCode) {
    }

    /**
     * A population row; {@code female} and {@code youth} are further bases, null when unknown. {@code total} null: the row
     * was deleted at this version (the copy deletes its row).
     */
    record PopulationChange(long version, String regionCode, int year, Long total, Long female, Long youth) {
    }
}
