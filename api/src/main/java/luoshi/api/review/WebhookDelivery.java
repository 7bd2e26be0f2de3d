package luoshi.api.review;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reminder's delivery to one webhook: the delivery log. */
public record WebhookDelivery(
        String id,
        @Schema(description = "The reminder, also the webhook-id header of every attempt") String reminderId,
        DeliveryStatus status,
        @Schema(example = "2") int attempts,
        @Schema(example = "503", nullable = true) Integer lastStatusCode,
        @Schema(example = "HTTP 503", nullable = true) String lastError,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {
}
