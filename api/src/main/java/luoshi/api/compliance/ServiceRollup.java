package luoshi.api.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * One service's counts over a subtree: {@code counts} for the region and all below it, each
 * child's counts for that child and all below it, and counts per requirement.
 */
public record ServiceRollup(String regionCode, String regionName, int year, LocalDate asOf, StatusCounts counts,
        List<ChildCounts> children, List<RequirementCounts> byRequirement, List<String> warnings) {

    public record ChildCounts(String regionCode, String regionName, StatusCounts counts) {
    }

    public record RequirementCounts(String requirementId, StatusCounts counts) {
    }
}
