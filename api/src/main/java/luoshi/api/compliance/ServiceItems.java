package luoshi.api.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * One service's items for a region. {@code warnings} says when the answer may be wrong, for
 * example a read copy of the regions that is behind org-service by more than the allowed time.
 */
public record ServiceItems(String regionCode, String regionName, int year, LocalDate asOf,
        List<ComplianceItem> items, List<String> warnings) {

    /** The same items with the warnings of the moment they are answered (a kept answer's copy may have aged since). */
    public ServiceItems withWarnings(List<String> now) {
        return new ServiceItems(regionCode, regionName, year, asOf, items, now);
    }
}
