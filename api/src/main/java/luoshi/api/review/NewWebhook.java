package luoshi.api.review;

import luoshi.api.region.ValidRegionCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription: the reminders of {@code regionCode}'s whole subtree are POSTed to {@code url}. */
public record NewWebhook(
        @NotBlank @Size(max = 2000) @Schema(example = "https://dc.zj.gov.cn/luoshi/hook") String url,
        @NotNull @ValidRegionCode(country = true) @Schema(example = "330000") String regionCode) {
}
