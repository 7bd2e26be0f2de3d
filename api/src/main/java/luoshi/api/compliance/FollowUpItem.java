package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of the follow-up list (督办清单, API.md "Follow-up list and readable answers"): an item of a region of the
 * subtree, with the region's name, the requirement's Chinese title, the evidence, the owner, the waiver and the open
 * rectification. The list is ordered by region code, requirement id and period start, the row's key.
 */
@Schema(name = "FollowUpItem", description = "督办清单的一行 (one row of the follow-up list)")
public record FollowUpItem(
        @Schema(example = "330602001") String regionCode,
        @Schema(example = "塔山街道") String regionName,
        @Schema(example = "TOWNSHIP_YOUTH_LEAGUE_FUNDING") String requirementId,
        @Schema(example = "确保各乡镇（街道）每年不少于2万元共青团工作经费") String title,
        ComplianceStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemReason reason,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> missing,
        @Schema(example = "2025-01-01") LocalDate periodStart,
        @Schema(example = "2025-12-31") LocalDate periodEnd,
        @Schema(example = "2025-12-31", nullable = true) LocalDate dueDate,
        @Schema(example = "20000.00", nullable = true) String expected,
        @Schema(example = "19999.99", nullable = true) String actual,
        List<Evidence> evidence,
        @Schema(example = "1", nullable = true) Integer requirementVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemOwner owner,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemWaiver waiver,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemRectification rectification) {

    /** The row of {@code item} of a region. */
    public static FollowUpItem of(String regionCode, String regionName, ComplianceItem item) {
        return new FollowUpItem(regionCode, regionName, item.requirementId(), item.title(), item.status(), item.reason(),
                item.missing(), item.periodStart(), item.periodEnd(), item.dueDate(), item.expected(), item.actual(),
                item.evidence(), item.requirementVersion(), item.owner(), item.waiver(), null);
    }

    /** The list's order (API.md): region code, requirement id, period start; the same in every service and the gateway. */
    public static final java.util.Comparator<FollowUpItem> ORDER = java.util.Comparator
            .comparing(FollowUpItem::regionCode).thenComparing(FollowUpItem::requirementId)
            .thenComparing(FollowUpItem::periodStart);

    /** The same row with its open rectification. */
    public FollowUpItem withRectification(ItemRectification open) {
        return new FollowUpItem(regionCode, regionName, requirementId, title, status, reason, missing, periodStart,
                periodEnd, dueDate, expected, actual, evidence, requirementVersion, owner, waiver, open);
    }

}
