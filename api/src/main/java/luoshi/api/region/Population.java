package luoshi.api.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The population of a region in a year: {@code total}, and the further bases {@code female} and
 * {@code youth} when known (per-capita funding rules use them). Its {@code version} is the one org-service's change
 * feed gave its last write, as for a {@link Region}: a population deleted and entered again gets a new one, never an
 * old one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A region's population in a year", example = "{\"regionCode\":\"330602\",\"year\":2025,\"total\":527600}")
public record Population(
        @Schema(example = "330602") String regionCode,
        @Schema(example = "2025") int year,
        @Schema(example = "527600") long total,
        @Schema(nullable = true, example = "262000") Long female,
        @Schema(nullable = true, example = "98000") Long youth,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "45102") long version) implements Versioned {
}
