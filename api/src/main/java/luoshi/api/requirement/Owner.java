package luoshi.api.requirement;

import java.time.Instant;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An owner set on a region for a requirement: it holds for the region's subtree unless a region below sets its own. */
@Schema(name = "Owner")
public record Owner(
        @Schema(example = "WOMENS_WORK_PER_CAPITA_FUNDING") String requirementId,
        @Schema(example = "330600") String regionCode,
        @Schema(example = "绍兴市妇联") String unit,
        @Schema(example = "王芳 0575-85201234", nullable = true) String contact,
        @Schema(example = "admin-330600") String setBy,
        Instant updatedAt,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "2") long version) implements Versioned {
}
