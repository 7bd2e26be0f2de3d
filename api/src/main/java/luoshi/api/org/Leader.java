package luoshi.api.org;

import java.time.LocalDate;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A leader of an organisation, with the tenure's first and last day ({@code to} null while in office). */
@Schema(description = "A leader of an organisation")
public record Leader(
        @Schema(example = "7") long id,
        @Schema(example = "41") long organizationId,
        @Schema(example = "王丽") String name,
        @Schema(example = "HEAD") LeaderRole role,
        @Schema(example = "FULL_TIME") Employment employment,
        @Schema(example = "false") boolean frontline,
        @Schema(example = "2024-01-01") LocalDate from,
        @Schema(nullable = true) LocalDate to,
        @Schema(example = "false", description = Leader.PARTY_COMMITTEE_MEMBER) boolean partyCommitteeMember,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "2") long version) implements Versioned {

    /**
     * REQUIREMENTS.md, second wave (SHAOXING-2015 item 27: 由同级党委组成人员兼任工会主席的，应配专职副主席): a part-time
     * union head who sits on the township's party committee is enough when a full-time deputy is in office.
     */
    public static final String PARTY_COMMITTEE_MEMBER = "是否为同级党委组成人员 / a member of the township's party committee "
            + "(the party committee at the organisation's own level); false when not given";
}
