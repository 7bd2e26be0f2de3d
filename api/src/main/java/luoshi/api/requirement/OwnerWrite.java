package luoshi.api.requirement;

import luoshi.api.common.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The unit responsible for a requirement in a region's subtree (责任单位), and how to reach it. */
@Schema(name = "OwnerWrite", example = "{\"unit\":\"绍兴市妇联\",\"contact\":\"王芳 0575-85201234\"}")
public record OwnerWrite(
        @NotNull @Size(max = 255) @Schema(example = "绍兴市妇联") @PlainText String unit,
        @Size(max = 255) @Schema(example = "王芳 0575-85201234") @PlainText String contact) {
}
