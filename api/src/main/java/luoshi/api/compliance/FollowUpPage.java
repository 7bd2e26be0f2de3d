package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the follow-up list: a list's page (API.md, Conventions: {@code items, page, size, total}) and, as the
 * compliance views, the services that did not answer ({@code incomplete}: their rows are missing) and why.
 */
@Schema(name = "FollowUpPage", description = "督办清单的一页 (a page of the follow-up list)")
public record FollowUpPage(List<FollowUpItem> items, @Schema(example = "0") int page, @Schema(example = "50") int size,
        @Schema(example = "37") long total,
        @Schema(description = "The services that did not answer: their rows are missing", example = "[]")
        List<String> incomplete,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {
}
