package luoshi.api.requirement;

import luoshi.api.common.PlainText;
import luoshi.api.region.ValidRegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import java.time.LocalDate;
import luoshi.api.compliance.Dimension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionLevel;

/**
 * A new requirement of an existing rule type: {@code rule} holds {@code type} and that type's
 * parameters. {@code dueDate} only for a {@code ONCE} requirement. It becomes version 1, for every period.
 */
public record NewRequirement(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{2,63}", message = "must be 3 to 64 of A-Z, 0-9 and _") String id,
        @NotNull @Size(max = 255) @PlainText String title,
        @NotNull @Size(max = 255) @PlainText String titleZh,
        @NotNull @Size(max = 255) @PlainText String source,
        @NotBlank @ValidRegionCode(country = true) String issuerRegionCode,
        @NotEmpty List<@NotNull RegionLevel> levels,
        @NotNull RequirementPeriod period,
        @NotNull ObjectNode rule,
        LocalDate dueDate,
        @DecimalMin(value = "0", message = "must be 0 or more") @Schema(example = "1", description = "Weight in the evaluation; default 1") BigDecimal weight,
        @Schema(description = "共性/个性/进度指标 (ZHEJIANG-2020 §8)") Dimension dimension) {
}
