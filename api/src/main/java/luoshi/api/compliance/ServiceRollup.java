package luoshi.api.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * One service's counts over a subtree: {@code counts} for the region and all below it, each
 * child's counts for that child and all below it, and counts per requirement; {@code weights} (the root's and each
 * child's) are the sums the evaluation scores (API.md, "Evaluation and trends").
 */
public record ServiceRollup(String regionCode, String regionName, int year, LocalDate asOf, StatusCounts counts,
        List<ChildCounts> children, List<RequirementCounts> byRequirement, List<String> warnings, Weights weights) {

    /** The same counts with the warnings of the moment they are answered (a kept answer's copy may have aged since). */
    public ServiceRollup withWarnings(List<String> now) {
        return new ServiceRollup(regionCode, regionName, year, asOf, counts, children, byRequirement, now, weights);
    }

    public record ChildCounts(String regionCode, String regionName, StatusCounts counts, Weights weights) {
    }

    public record RequirementCounts(String requirementId, StatusCounts counts) {
    }
}
