package luoshi.api.requirement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import luoshi.api.compliance.ItemOwner;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The owners of a requirement around a region: {@code inForce} is the owner that holds for the region itself (its
 * own, or the nearest region's above it), {@code items} every owner set on the region or below it.
 */
@Schema(name = "OwnerList")
public record OwnerList(
        @Schema(example = "WOMENS_WORK_PER_CAPITA_FUNDING") String requirementId,
        @Schema(example = "330602001") String regionCode,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) ItemOwner inForce,
        List<Owner> items) {
}
