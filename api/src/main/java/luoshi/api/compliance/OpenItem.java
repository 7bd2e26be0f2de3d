package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A PENDING or NON_COMPLIANT item, as the reminder job reads it from each owner, with the unit responsible for it
 * when one is set. A waived item is NOT_APPLICABLE, so it is never open. A NON_COMPLIANT item carries the verdict's
 * {@code expected} and {@code actual} too (the texts of its {@link ComplianceItem}): a rectification keeps them when it
 * opens (API.md, "Rectification").
 */
public record OpenItem(String requirementId, String requirementTitle, String regionCode, String regionName,
        LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, ComplianceStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemOwner owner,
        @JsonInclude(JsonInclude.Include.NON_NULL) String expected,
        @JsonInclude(JsonInclude.Include.NON_NULL) String actual) {

    public OpenItem(String requirementId, String requirementTitle, String regionCode, String regionName,
            LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, ComplianceStatus status) {
        this(requirementId, requirementTitle, regionCode, regionName, periodStart, periodEnd, dueDate, status, null);
    }

    public OpenItem(String requirementId, String requirementTitle, String regionCode, String regionName,
            LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, ComplianceStatus status, ItemOwner owner) {
        this(requirementId, requirementTitle, regionCode, regionName, periodStart, periodEnd, dueDate, status, owner,
                null, null);
    }
}
