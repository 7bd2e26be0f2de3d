package luoshi.api.review;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as listed (its secret is shown only once, when it is created). */
public record Webhook(String id, @Schema(example = "https://dc.zj.gov.cn/luoshi/hook") String url,
        @Schema(example = "330000") String regionCode, Instant createdAt) {
}
