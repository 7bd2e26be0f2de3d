package luoshi.api.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import luoshi.api.common.PlainText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region above's verification or rejection of a submitted rectification, with its note. */
public record RectificationDecision(
        @NotNull @Size(max = 2000) @PlainText(multiline = true) @Schema(example = "经核验，经费已到位") String note) {
}
