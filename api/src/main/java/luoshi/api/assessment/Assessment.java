package luoshi.api.assessment;

import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A satisfaction assessment as stored (API.md, "Satisfaction assessments"). */
public record Assessment(
        @Schema(example = "5c1f0e2a-7b3d-4c8e-9f10-2a3b4c5d6e7f") String id,
        @Schema(example = "330602") String regionCode,
        @Schema(example = "2025") int year,
        @Schema(example = "浙江省统计局民意调查中心") String assessor,
        @Schema(example = "SURVEY") String method,
        @Schema(example = "1200") int respondents,
        @Schema(example = "1032") int satisfied,
        AssessmentSubject subject,
        @Schema(example = "浙统民调〔2025〕18号") String documentRef,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "1") long version) implements Versioned {
}
