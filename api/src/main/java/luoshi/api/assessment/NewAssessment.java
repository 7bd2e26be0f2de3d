package luoshi.api.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import luoshi.api.common.PlainText;
import luoshi.api.region.ValidRegionCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A satisfaction assessment as a third party records it (API.md, "Satisfaction assessments"): {@code respondents} > 0
 * and {@code satisfied} ≤ {@code respondents} (the service names {@code satisfied} when it is more).
 */
public record NewAssessment(
        @NotNull @ValidRegionCode @Schema(example = "330602") String regionCode,
        @NotNull @Min(FIRST_YEAR) @Max(LAST_YEAR) @Schema(example = "2025") Integer year,
        @NotNull @Size(max = 255) @PlainText @Schema(example = "浙江省统计局民意调查中心") String assessor,
        @NotNull @Size(max = 40) @PlainText @Schema(example = "SURVEY", description = "How it was measured: SURVEY, "
                + "INTERVIEW, ONLINE_POLL …") String method,
        @NotNull @Min(1) @Max(MAX_PEOPLE) @Schema(example = "1200") Integer respondents,
        @NotNull @Min(0) @Max(MAX_PEOPLE) @Schema(example = "1032", description = "At most respondents") Integer satisfied,
        @NotNull @Schema(example = "MASSES") AssessmentSubject subject,
        @Size(max = 100) @PlainText @Schema(example = "浙统民调〔2025〕18号") String documentRef) {

    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 9999;
    /** More people than live in China is no survey. */
    public static final int MAX_PEOPLE = 2_000_000_000;
}
