package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * One service's counts over a subtree: {@code counts} for the region and all below it, each
 * child's counts for that child and all below it, and counts per requirement; {@code weights} (the root's and each
 * child's) are the sums the evaluation scores (API.md, "Evaluation and trends"); {@code rectifications} from the
 * service that keeps them (review-service), absent from the others.
 */
public record ServiceRollup(String regionCode, String regionName, int year, LocalDate asOf, StatusCounts counts,
        List<ChildCounts> children, List<RequirementCounts> byRequirement, List<String> warnings, Weights weights,
        @JsonInclude(JsonInclude.Include.NON_NULL) RectificationCounts rectifications) {

    /** Counts without rectifications (a service that keeps none). */
    public ServiceRollup(String regionCode, String regionName, int year, LocalDate asOf, StatusCounts counts,
            List<ChildCounts> children, List<RequirementCounts> byRequirement, List<String> warnings, Weights weights) {
        this(regionCode, regionName, year, asOf, counts, children, byRequirement, warnings, weights, null);
    }

    /** The same counts with the warnings of the moment they are answered (a kept answer's copy may have aged since). */
    public ServiceRollup withWarnings(List<String> now) {
        return new ServiceRollup(regionCode, regionName, year, asOf, counts, children, byRequirement, now, weights,
                rectifications);
    }

    /** The same counts with the service's rectifications of the subtree (review-service's: API.md, "Rectification"). */
    public ServiceRollup withRectifications(RectificationCounts counted) {
        return new ServiceRollup(regionCode, regionName, year, asOf, counts, children, byRequirement, warnings, weights,
                counted);
    }

    public record ChildCounts(String regionCode, String regionName, StatusCounts counts, Weights weights) {
    }

    public record RequirementCounts(String requirementId, StatusCounts counts) {
    }
}
