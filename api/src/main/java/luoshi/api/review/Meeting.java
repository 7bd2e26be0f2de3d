package luoshi.api.review;

import java.time.LocalDate;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Meeting(
        @Schema(example = "0b6f7c1e-8d2a-4e3b-9a5c-6d7e8f901234") String id,
        @Schema(example = "330600") String regionCode,
        MeetingType type,
        @Schema(example = "2025-03-10") LocalDate date,
        @Schema(example = "市委常委会专题研究党的群团工作") String title,
        @Schema(example = "绍市委常〔2025〕3号") String documentRef,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "1") long version) implements Versioned {
}
