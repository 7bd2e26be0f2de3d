package luoshi.api.compliance;

import java.time.LocalDate;

/** A PENDING or NON_COMPLIANT item, as the reminder job reads it from each owner. */
public record OpenItem(String requirementId, String requirementTitle, String regionCode, String regionName,
        LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, ComplianceStatus status) {
}
