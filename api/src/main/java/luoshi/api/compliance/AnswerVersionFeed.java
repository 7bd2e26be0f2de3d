package luoshi.api.compliance;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import luoshi.api.region.RegionCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Each service's feed of its answer versions (issue #29, kept answers at the gateway). Internal, for the gateway, with
 * its service token.
 *
 * <p>Every write of a service advances its data version ({@value #DATA_VERSION_HEADER}), and the counters of the
 * regions it reached (the table {@code answer_version}: a region's {@code subtree} and {@code below}); the version of
 * the answers about a region ({@link ComplianceSource#ANSWER_VERSION_HEADER}) is made of them by {@link #version}. The
 * feed answers every region's counters changed after {@code since}, and the data version they are current at: a
 * gateway that keeps them knows the version of every answer without asking, and a repeated question whose version has
 * not moved is answered from what it kept. {@code since=0} is the whole table (one row per region ever written, at
 * most the country's regions).
 */
@Path("/internal/v1/answer-versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Answer versions (internal)", description = "The versions of the answers about every region, for the gateway's kept answers")
public interface AnswerVersionFeed {

    /** The longest {@code waitMs} of a long poll. */
    long MAX_WAIT_MS = 60_000;

    /**
     * The header of every successful write's answer: the service's data version after the write (it names this write
     * and every one committed before it). The gateway raises what it knows of the service at once, and hands it on in
     * its consistency token ({@code Luoshi-Consistency}, API.md "Kept answers").
     */
    String DATA_VERSION_HEADER = "Luoshi-Data-Version";

    @GET
    @Requires(Role.SERVICE)
    @Blocking
    @Operation(summary = "The answer versions changed after a data version",
            description = "Every region's counters changed after since, and the data version they are current at. "
                    + "since=0 is every region's. A long poll: with waitMs, an answer with nothing changed waits until "
                    + "a write after since is committed (answered at once) or waitMs has passed (no marks).")
    @APIResponse(responseCode = "200", description = "The counters changed, current at version")
    @APIResponse(responseCode = "400", description = "since below 0, or waitMs outside 0..60000")
    CompletionStage<AnswerVersions> changes(@QueryParam("since") @DefaultValue("0") @Min(0) long since,
            @QueryParam("waitMs") @DefaultValue("0") @Min(0) @Max(MAX_WAIT_MS) long waitMs);

    /** The counters changed after the asked version, current at {@code version} (the service's data version). */
    record AnswerVersions(long version, List<Mark> marks) {
    }

    /** One region's counters (their meaning: {@link #version}). */
    record Mark(String regionCode, long subtree, long below) {
    }

    /**
     * The version of the answers about {@code regionCode} from the counters {@code read} finds (null: the region has no
     * row, no write reached it): its {@code subtree} counter, then the {@code below} counter of the region and of every
     * ancestor up to the country, joined by dots. A write inside the subtree advances the first; one that reached the
     * whole subtree of the region or of an ancestor at once (a batch under a caller's region, a waiver, a requirement)
     * advances one of the others. Both the service (its header) and the gateway (from this feed) compute it here.
     */
    static String version(String regionCode, Function<String, Mark> read) {
        List<String> codes = new ArrayList<>(RegionCode.ancestors(regionCode));
        codes.add(0, regionCode);
        Mark own = read.apply(regionCode);
        StringBuilder version = new StringBuilder().append(own == null ? 0 : own.subtree());
        for (String code : codes) {
            Mark mark = code.equals(regionCode) ? own : read.apply(code);
            version.append('.').append(mark == null ? 0 : mark.below());
        }
        return version.toString();
    }
}
