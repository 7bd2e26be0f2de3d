package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.region.RegionLevel;

/**
 * A requirement of the catalog: data, not code (REQUIREMENTS.md). {@code rule} is an object with
 * its {@code type} and that type's parameters, e.g.
 * {@code {"type":"FUNDING_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"20000.00"}}.
 * {@code owner} is the service that evaluates it (org, funding, review); the gateway routes by it.
 * {@code dueDate} is set for a {@code ONCE} requirement only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Requirement(
        String id,
        String title,
        String titleZh,
        String source,
        String issuerRegionCode,
        List<RegionLevel> levels,
        RequirementPeriod period,
        ObjectNode rule,
        LocalDate dueDate,
        String owner) {
}
