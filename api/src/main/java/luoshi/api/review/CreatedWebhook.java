package luoshi.api.review;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription with its signing secret, shown this once. */
public record CreatedWebhook(String id, @Schema(example = "https://dc.zj.gov.cn/luoshi/hook") String url,
        @Schema(example = "330000") String regionCode,
        @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret, Instant createdAt) {
}
