package luoshi.api.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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

    /**
     * The services' rollups of one subtree added (each service counts the items of the requirements it owns): the root's
     * counts and weights, named as the first service that names it does.
     */
    public static ChildCounts total(String regionCode, List<ServiceRollup> parts) {
        ChildCounts total = new ChildCounts(regionCode, null, StatusCounts.ZERO, Weights.ZERO);
        for (ServiceRollup part : parts) {
            total = total.plus(new ChildCounts(regionCode, part.regionName(), part.counts(), part.weights()));
        }
        return total;
    }

    /** Each child's counts and weights added over the services' rollups of one subtree, by code. */
    public static Map<String, ChildCounts> childrenAdded(List<ServiceRollup> parts) {
        Map<String, ChildCounts> byChild = new TreeMap<>();
        for (ServiceRollup part : parts) {
            for (ChildCounts child : part.children() == null ? List.<ChildCounts>of() : part.children()) {
                byChild.merge(child.regionCode(), child, ChildCounts::plus);
            }
        }
        return byChild;
    }

    public record ChildCounts(String regionCode, String regionName, StatusCounts counts, Weights weights) {

        /** This child's counts and weights with another service's of the same child. */
        public ChildCounts plus(ChildCounts o) {
            return new ChildCounts(regionCode, regionName != null ? regionName : o.regionName,
                    Objects.requireNonNullElse(counts, StatusCounts.ZERO).plus(Objects.requireNonNullElse(o.counts, StatusCounts.ZERO)),
                    Objects.requireNonNullElse(weights, Weights.ZERO).plus(o.weights));
        }
    }

    public record RequirementCounts(String requirementId, StatusCounts counts) {
    }
}
