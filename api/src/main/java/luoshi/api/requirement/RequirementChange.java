package luoshi.api.requirement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.Dimension;
import luoshi.api.region.RegionLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change of a requirement (API.md, "Catalog versions, waivers, owners"). With {@code effectiveFrom}: a new version
 * from that date, taking from the latest version whatever it does not give ({@code rule} names only the parameters
 * that change; its {@code type} cannot change). With {@code effectiveTo} only: the latest version is retired after
 * that day.
 */
@Schema(name = "RequirementChange", description = "新版本或废止 (a new version from a date, or the retirement of the latest)",
        example = "{\"effectiveFrom\":\"2027-01-01\",\"rule\":{\"minAmount\":\"30000.00\"},\"weight\":2,\"dimension\":\"SPECIFIC\"}")
public record RequirementChange(
        @Schema(example = "2027-01-01", description = "The first day of the new version; after the latest version's") LocalDate effectiveFrom,
        @Schema(example = "2029-12-31", description = "The last day of the version (the new one, or else the latest)") LocalDate effectiveTo,
        List<@NotNull RegionLevel> levels,
        @Schema(example = "{\"minAmount\":\"30000.00\"}") ObjectNode rule,
        @DecimalMin(value = "0", message = "must be 0 or more") @Schema(example = "2") BigDecimal weight,
        Dimension dimension) {
}
