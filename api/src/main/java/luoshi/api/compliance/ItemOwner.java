package luoshi.api.compliance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The unit responsible for a requirement in a region (责任单位): set on {@code regionCode}, the item's region or the
 * nearest region above it that set one.
 */
@Schema(name = "ItemOwner", description = "责任单位 (the unit responsible)")
public record ItemOwner(
        @Schema(example = "绍兴市妇联") String unit,
        @Schema(example = "王芳 0575-85201234", nullable = true) String contact,
        @Schema(example = "330600", description = "The region that set this owner") String regionCode) {
}
