package luoshi.api.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * One service's items for a region. {@code warnings} says when the answer may be wrong, for
 * example a read copy of the regions that is behind org-service by more than the allowed time.
 */
public record ServiceItems(String regionCode, String regionName, int year, LocalDate asOf,
        List<ComplianceItem> items, List<String> warnings) {
}
