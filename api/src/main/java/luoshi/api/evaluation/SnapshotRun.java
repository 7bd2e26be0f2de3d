package luoshi.api.evaluation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of a snapshot run (API.md, "Calls added within version 1"): {@code taken} counts the snapshots this run
 * kept (a region already snapshotted that day is not taken again); {@code incomplete} names each service that did not
 * answer for some region, whose snapshots of that day are then missing until a run of the same day takes them.
 */
@Schema(name = "SnapshotRun")
public record SnapshotRun(@Schema(example = "3214") int taken, @Schema(example = "[]") List<String> incomplete) {
}
