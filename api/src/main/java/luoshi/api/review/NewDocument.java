package luoshi.api.review;

import luoshi.api.common.PlainText;
import luoshi.api.region.ValidRegionCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document a region's committee issued, such as its implementation plan (实施方案). */
public record NewDocument(
        @NotNull @ValidRegionCode @Schema(example = "330000") String regionCode,
        @NotNull @Schema(example = "IMPLEMENTATION_PLAN") DocumentType type,
        @NotNull @Schema(example = "2015-11-20") LocalDate date,
        @NotNull @Size(max = 255) @Schema(example = "中共浙江省委关于加强和改进党的群团工作的实施意见") @PlainText String title,
        @Size(max = 100) @Schema(example = "浙委发〔2015〕35号") @PlainText String documentRef) {
}
