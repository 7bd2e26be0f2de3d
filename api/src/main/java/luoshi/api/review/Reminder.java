package luoshi.api.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import luoshi.api.compliance.ItemOwner;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One reminder: a requirement not yet met by a region for a period, at a stage. {@code daysBefore}
 * is the lead time reached (90, 30, 7 by default) and null for OVERDUE.
 */
public record Reminder(
        @Schema(example = "3d9f1c0a-2b4e-4f6a-8c1d-0e2f3a4b5c6d") String id,
        @Schema(example = "ANNUAL_COMMITTEE_STUDY") String requirementId,
        @Schema(example = "党委常委会每年专题研究群团工作") String requirementTitle,
        @Schema(example = "330602") String regionCode,
        @Schema(example = "越城区") String regionName,
        @Schema(example = "2026-01-01") LocalDate periodStart,
        @Schema(example = "2026-12-31") LocalDate periodEnd,
        @Schema(example = "2026-12-31") LocalDate dueDate,
        ReminderStage stage,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "30", nullable = true) Integer daysBefore,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The unit responsible, when one is set") ItemOwner owner) {
}
