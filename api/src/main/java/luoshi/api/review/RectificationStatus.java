package luoshi.api.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a rectification (整改) stands (API.md, "Rectification"): OPEN (given to the region), SUBMITTED (the region
 * says it is put right), VERIFIED (a region above found the item COMPLIANT or waived: closed) or REJECTED (back to
 * the region to act again). OPEN, SUBMITTED and REJECTED are open: an item has at most one open rectification.
 */
@Schema(description = "OPEN 待整改 / SUBMITTED 已提交 / VERIFIED 已核验 / REJECTED 已退回")
public enum RectificationStatus {
    OPEN, SUBMITTED, VERIFIED, REJECTED;

    /** Whether a rectification in this status is still open (not verified). */
    public boolean open() {
        return this != VERIFIED;
    }
}
