package luoshi.api.org;

import java.time.LocalDate;
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
        @Schema(nullable = true) LocalDate to) {
}
