package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.region.RegionLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A requirement of the catalog: data, not code (REQUIREMENTS.md). {@code rule} is an object with
 * its {@code type} and that type's parameters, e.g.
 * {@code {"type":"FUNDING_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"20000.00"}}.
 * {@code owner} is the service that evaluates it (org, funding, review); the gateway routes by it.
 * {@code dueDate} is set for a {@code ONCE} requirement only.
 *
 * <p>Levels, rule, weight and dimension are those of {@code version}, the version in force today (or the latest, when
 * none is in force today); {@code versions} lists every version, on {@code GET /api/v1/requirements/{id}}.
 * {@code revision} counts the writes of the requirement (each new version, a retirement): its ETag, which a change
 * may name in {@code If-Match} (API.md, "Versions and ETags"). It is not {@code version}, which names the rules in
 * force, and which a write of a version for a later day leaves as it was.
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
        String owner,
        @Schema(example = "1") Integer version,
        @Schema(example = "2016-01-01", nullable = true) LocalDate effectiveFrom,
        @Schema(nullable = true) LocalDate effectiveTo,
        @Schema(example = "1") BigDecimal weight,
        Dimension dimension,
        List<RequirementVersion> versions,
        @Schema(example = "3", readOnly = true, description = "The requirement's revision, advanced by every write of it "
                + "(a new version, a retirement): answered as ETag \"<revision>\" on a GET of one and on a PUT; send it "
                + "back as If-Match: \"<revision>\" to change exactly this revision (412 when another write came first).")
        Long revision) {

    /** A requirement as a service's catalog first knows it: version 1 for all periods, weight 1, no dimension. */
    public Requirement(String id, String title, String titleZh, String source, String issuerRegionCode,
            List<RegionLevel> levels, RequirementPeriod period, ObjectNode rule, LocalDate dueDate, String owner) {
        this(id, title, titleZh, source, issuerRegionCode, levels, period, rule, dueDate, owner, 1, null, null,
                BigDecimal.ONE, null, null, null);
    }

    /** The same requirement with its versions listed. */
    public Requirement withVersions(List<RequirementVersion> all) {
        return new Requirement(id, title, titleZh, source, issuerRegionCode, levels, period, rule, dueDate, owner,
                version, effectiveFrom, effectiveTo, weight, dimension, all, revision);
    }
}
