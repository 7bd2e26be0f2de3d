package luoshi.api.org;

import luoshi.api.common.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A leader to add: tenure from {@code from} to {@code to} inclusive ({@code to} null while in office; to ≥ from).
 * {@code partyCommitteeMember} left out is false (REQUIREMENTS.md, second wave: a field added after the first clients).
 */
@Schema(description = "A leader of an organisation",
        example = "{\"name\":\"王丽\",\"role\":\"HEAD\",\"employment\":\"FULL_TIME\",\"frontline\":false,"
                + "\"partyCommitteeMember\":false,\"from\":\"2024-01-01\",\"to\":null}")
public record NewLeader(
        @Schema(example = "王丽") @NotNull @Size(max = 100) @PlainText String name,
        @Schema(example = "HEAD") @NotNull LeaderRole role,
        @Schema(example = "FULL_TIME") @NotNull Employment employment,
        @Schema(example = "false", description = "a representative from the front line (基层一线)") @NotNull Boolean frontline,
        @Schema(example = "2024-01-01") @NotNull LocalDate from,
        @Schema(nullable = true, example = "2026-12-31") LocalDate to,
        @Schema(example = "false", defaultValue = "false", description = Leader.PARTY_COMMITTEE_MEMBER)
        boolean partyCommitteeMember) {
}
