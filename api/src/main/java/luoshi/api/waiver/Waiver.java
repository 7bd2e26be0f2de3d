package luoshi.api.waiver;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A waiver (豁免): while it is in force on an item's evaluation date (its due date, or asOf while the period runs),
 * the item is NOT_APPLICABLE with this waiver. {@code revokedAt} is set once it is revoked, which advances its
 * {@code version}.
 */
@Schema(name = "Waiver")
public record Waiver(
        @Schema(example = "7c1e2a9b-5d3f-4e8a-9b0c-1d2e3f4a5b6c") String id,
        @Schema(example = "TOWNSHIP_YOUTH_LEAGUE_FUNDING") String requirementId,
        @Schema(example = "330602001") String regionCode,
        @Schema(example = "2025-01-01") LocalDate from,
        @Schema(example = "2025-12-31") LocalDate to,
        @Schema(example = "2025年受台风灾害影响，经费调剂用于灾后重建") String reason,
        @Schema(example = "越政办〔2025〕12号", nullable = true) String documentRef,
        @Schema(example = "admin-330602", description = "Who granted it") String approvedBy,
        @Schema(example = "330602", description = "The region of the admin who granted it") String approvedByRegion,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true) Instant revokedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(nullable = true, example = "null") String revokedBy,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "1") long version) implements Versioned {

    /** A waiver as granted: version 1. */
    public Waiver(String id, String requirementId, String regionCode, LocalDate from, LocalDate to, String reason,
            String documentRef, String approvedBy, String approvedByRegion, Instant createdAt, Instant revokedAt,
            String revokedBy) {
        this(id, requirementId, regionCode, from, to, reason, documentRef, approvedBy, approvedByRegion, createdAt,
                revokedAt, revokedBy, 1);
    }
}
