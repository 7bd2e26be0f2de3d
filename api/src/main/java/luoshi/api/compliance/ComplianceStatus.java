package luoshi.api.compliance;

import java.time.LocalDate;

/** The statuses of REQUIREMENTS.md, "Statuses". */
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
}
