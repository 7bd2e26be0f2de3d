package luoshi.api.requirement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionLevel;

/**
 * A new requirement of an existing rule type: {@code rule} holds {@code type} and that type's
 * parameters. {@code dueDate} only for a {@code ONCE} requirement.
 */
public record NewRequirement(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{2,63}", message = "must be 3 to 64 of A-Z, 0-9 and _") String id,
        @NotBlank @Size(max = 255) String title,
        @NotBlank @Size(max = 255) String titleZh,
        @NotBlank @Size(max = 255) String source,
        @NotBlank String issuerRegionCode,
        @NotEmpty List<@NotNull RegionLevel> levels,
        @NotNull RequirementPeriod period,
        @NotNull ObjectNode rule,
        LocalDate dueDate) {
}
