package luoshi.api.review;

import luoshi.api.common.PlainText;
import luoshi.api.region.ValidRegionCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A meeting held by a region's party committee; {@code documentRef} is its 文号 where it has one. */
public record NewMeeting(
        @NotNull @ValidRegionCode @Schema(example = "330600") String regionCode,
        @NotNull @Schema(example = "STANDING_COMMITTEE_STUDY") MeetingType type,
        @NotNull @Schema(example = "2025-03-10") LocalDate date,
        @NotNull @Size(max = 255) @Schema(example = "市委常委会专题研究党的群团工作") @PlainText String title,
        @Size(max = 100) @Schema(example = "绍市委常〔2025〕3号") @PlainText String documentRef) {
}
