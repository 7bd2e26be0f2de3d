package luoshi.api.review;

import java.time.LocalDate;
import luoshi.api.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Document(
        @Schema(example = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") String id,
        @Schema(example = "330000") String regionCode,
        DocumentType type,
        @Schema(example = "2015-11-20") LocalDate date,
        @Schema(example = "中共浙江省委关于加强和改进党的群团工作的实施意见") String title,
        @Schema(example = "浙委发〔2015〕35号") String documentRef,
        @Schema(description = Versioned.DESCRIPTION, readOnly = true, example = "1") long version) implements Versioned {
}
