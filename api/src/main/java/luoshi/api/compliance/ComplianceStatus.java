package luoshi.api.compliance;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The statuses of REQUIREMENTS.md, "Statuses". */
@Schema(name = "ComplianceStatus", description = """
        落实情况 (the status of an item):
        * `COMPLIANT`: 已落实 (met)
        * `PENDING`: 未到期 (not met yet, and not yet due)
        * `NON_COMPLIANT`: 未落实 (not met by the due date; a state requirement not met on its evaluation date)
        * `NO_DATA`: 缺数据 (a fact the rule needs is missing: see `reason`)
        * `NOT_APPLICABLE`: 不适用 (the requirement does not apply to the region, or is waived: see `reason`)""")
public enum ComplianceStatus {
    COMPLIANT, PENDING, NON_COMPLIANT, NO_DATA, NOT_APPLICABLE;

    /**
     * The verdict for a period whose facts are known: met → COMPLIANT; not met and due on or after
     * {@code asOf} → PENDING; not met and due before {@code asOf} → NON_COMPLIANT. A state rule
     * (evaluated on a date) passes its evaluation date as the due date.
     */
    public static ComplianceStatus decide(boolean met, LocalDate dueDate, LocalDate asOf) {
        if (met) {
            return COMPLIANT;
        }
        return dueDate.isBefore(asOf) ? NON_COMPLIANT : PENDING;
    }

    /** Counted in the denominator of the compliance rate (API.md). */
    public boolean applicable() {
        return this != NOT_APPLICABLE;
    }

    /** The status as an inspector reads it in Chinese (已落实 …): the follow-up list's exports. */
    public String chinese() {
        return switch (this) {
            case COMPLIANT -> "已落实";
            case PENDING -> "未到期";
            case NON_COMPLIANT -> "未落实";
            case NO_DATA -> "缺数据";
            case NOT_APPLICABLE -> "不适用";
        };
    }
}
