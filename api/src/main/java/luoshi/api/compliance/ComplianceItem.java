package luoshi.api.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * One requirement evaluated for one region and one period (API.md, Compliance). {@code expected}
 * and {@code actual} are strings: an amount with two decimals, a count, or a share.
 */
public record ComplianceItem(
        String requirementId,
        ComplianceStatus status,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueDate,
        String expected,
        String actual,
        List<Evidence> evidence) {
}
