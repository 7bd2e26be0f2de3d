package luoshi.api.compliance;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The waiver that makes an item NOT_APPLICABLE (API.md, "Catalog versions, waivers, owners"). */
@Schema(name = "ItemWaiver", description = "豁免 (the waiver in force for the item)")
public record ItemWaiver(
        @Schema(example = "7c1e2a9b-5d3f-4e8a-9b0c-1d2e3f4a5b6c") String id,
        @Schema(example = "2025年受台风灾害影响，经费调剂用于灾后重建") String reason,
        @Schema(example = "2025-12-31") LocalDate to,
        @Schema(example = "admin-330602") String approvedBy) {
}
