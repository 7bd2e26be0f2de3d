package luoshi.api.review;

import java.time.Instant;
import luoshi.api.compliance.ComplianceStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One transition of a rectification, kept in its history (API.md, "Rectification"): the status it reached, who made
 * it ({@code system} for the reminder job) and when, the note and document reference given, and the item's status
 * as the engine judged it at that moment (null when it could not be asked).
 */
@Schema(name = "RectificationStep", description = "整改记录: one transition of a rectification")
public record RectificationStep(
        RectificationStatus status,
        @Schema(example = "li.si@330602001") String by,
        @Schema(example = "2026-03-02T08:15:30Z") Instant at,
        @Schema(example = "已补足2025年度团建经费", nullable = true) String note,
        @Schema(example = "越财〔2026〕12号", nullable = true) String documentRef,
        @Schema(example = "NON_COMPLIANT", nullable = true) ComplianceStatus itemStatus) {
}
