package luoshi.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One write, as the audit trail keeps it: who ({@code actor}, the token's {@code sub}), when, what
 * (entity, id, region) and the change. Append-only: nothing changes or deletes an event.
 */
@Schema(description = "One recorded write (审计记录)")
public record AuditEvent(
        @Schema(description = "Unique over the system: the service that recorded it and its sequence", example = "funding:1042") String id,
        @Schema(description = "When the write was committed (UTC)", example = "2026-03-10T02:15:00.123Z") Instant at,
        @Schema(description = "The service that owns the data", example = "funding") String service,
        @Schema(description = "Who wrote: the sub claim of the caller's token", example = "zhang.san@330600") String actor,
        @Schema(description = "CREATE, UPDATE, DELETE, IMPORT (a batch, one event for all its rows) or RUN", example = "CREATE") String action,
        @Schema(description = "What kind of thing was written", example = "funding-record") String entity,
        @Schema(description = "Its id or key; null for a batch", example = "8f14e45f-ea7e-4c3b-9f3e-2f1d0c7b6a55") String entityId,
        @Schema(description = "The region it belongs to (for a batch: the region of the caller's subtree that covers its rows)", example = "330602001") String regionCode,
        @Schema(description = "The request id of the call (X-Request-Id)") String requestId,
        @Schema(description = "The change: {\"before\":…,\"after\":…} (before is null for a creation, after for a deletion)",
                example = "{\"before\":null,\"after\":{\"regionCode\":\"330602001\",\"amount\":\"20000.00\"}}") JsonNode change) {
}
