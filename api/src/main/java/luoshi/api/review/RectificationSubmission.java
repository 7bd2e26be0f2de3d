package luoshi.api.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import luoshi.api.common.PlainText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The region's report that the item is put right: what was done, and the document that shows it. */
public record RectificationSubmission(
        @NotNull @Size(max = 2000) @PlainText(multiline = true) @Schema(example = "已补足2025年度团建经费2万元") String note,
        @NotNull @Size(max = 100) @PlainText @Schema(example = "越财〔2026〕12号") String documentRef) {
}
