package luoshi.api.org;

import luoshi.api.common.PlainText;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A correction of a leader (API.md, "Corrections"): only the fields the JSON names change. {@code "to": null} given
 * explicitly puts the leader back in office; an absent {@code to} leaves the tenure's end as it is. The other fields
 * cannot be null. The tenure, once corrected, still ends on or after it begins.
 */
@Schema(name = "LeaderPatch", description = "The fields of a leader to correct; fields not named stay as they are",
        example = "{\"to\":\"2025-06-30\"}")
public record LeaderPatch(
        @Schema(example = "王丽", maxLength = 100) @PlainText String name,
        @Schema(example = "HEAD") LeaderRole role,
        @Schema(example = "FULL_TIME") Employment employment,
        @Schema(example = "false", description = "a representative from the front line (基层一线)") Boolean frontline,
        @Schema(example = "2024-01-01") LocalDate from,
        @Schema(nullable = true, example = "2025-06-30",
                description = "the tenure's last day; null (given explicitly) while in office") LocalDate to,
        @Schema(example = "true", description = Leader.PARTY_COMMITTEE_MEMBER) Boolean partyCommitteeMember) {
}
