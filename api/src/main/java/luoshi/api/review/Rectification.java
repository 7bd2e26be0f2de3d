package luoshi.api.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.common.Versioned;
import luoshi.api.compliance.ItemOwner;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rectification (整改) of one item (requirement × region × period; API.md, "Rectification"): due by
 * {@code dueDate}, addressed to the {@code owner} of the requirement in the region when it opened, with the verdict's
 * {@code expected} and {@code actual} then, and every transition in {@code history}, oldest first.
 */
@Schema(name = "Rectification", description = "整改任务")
public record Rectification(
        @Schema(example = "5b8e0c2d-7f1a-4c3e-9d6b-2a4f8e1c0b7d") String id,
        @Schema(example = "TOWNSHIP_YOUTH_LEAGUE_FUNDING") String requirementId,
        @Schema(example = "330602001") String regionCode,
        @Schema(example = "2025-01-01") LocalDate periodStart,
        @Schema(example = "2025-12-31", nullable = true) LocalDate periodEnd,
        @Schema(example = "2026-03-31") LocalDate dueDate,
        @Schema(example = "2025年度团建经费不足2万元，限期补足") String description,
        RectificationStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The unit responsible when the rectification opened, when one was set") ItemOwner owner,
        @Schema(example = "20000.00", nullable = true, description = "The verdict's expected when it opened") String expected,
        @Schema(example = "12000.00", nullable = true, description = "The verdict's actual when it opened") String actual,
        List<RectificationStep> history,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "1") long version) implements Versioned {
}
