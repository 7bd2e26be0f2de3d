package luoshi.api.requirement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A jurisdiction's setting: {@code parameters} apply to {@code regionCode}'s whole subtree, for the periods due on or
 * after {@code effectiveFrom} (null: every period). A setting is one row per requirement, region and
 * {@code effectiveFrom}; {@code version} is that row's.
 */
public record ParameterSetting(String requirementId, String regionCode, ObjectNode parameters,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "2027-01-01", nullable = true) LocalDate effectiveFrom,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "2") long version) implements Versioned {
}
