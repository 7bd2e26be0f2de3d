package luoshi.api.review;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event's delivery to one webhook: the delivery log. The event is a reminder or a rectification's event
 * (API.md, "Rectification"); {@code reminderId} is the contract's first name of its id, {@code eventId} the same id
 * named for what it is.
 */
public record WebhookDelivery(
        String id,
        @Schema(description = "The event's id, also the webhook-id header of every attempt: a reminder's id, or the id of a"
                + " rectification's event (the same as eventId)") String reminderId,
        @Schema(description = "The event's id, also the webhook-id header of every attempt: a reminder's id, or the"
                + " stable id of a rectification.opened, .overdue or .verified event") String eventId,
        DeliveryStatus status,
        @Schema(example = "2") int attempts,
        @Schema(example = "503", nullable = true) Integer lastStatusCode,
        @Schema(example = "HTTP 503", nullable = true) String lastError,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        Instant createdAt) {
}
