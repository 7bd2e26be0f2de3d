package luoshi.gateway;

import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.api.compliance.ItemOwner;
import luoshi.api.compliance.ItemReason;
import luoshi.api.compliance.ItemWaiver;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.ServiceRollup.ChildCounts;
import luoshi.api.compliance.ServiceRollup.RequirementCounts;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.compliance.Weights;

/** What the services answer on ComplianceSource, for 2025 evaluated on 2026-11-22. */
final class ComplianceFixtures {

    static final int YEAR = 2025;
    static final LocalDate AS_OF = LocalDate.parse("2026-11-22");

    private ComplianceFixtures() {
    }

    static ComplianceItem item(String requirementId, ComplianceStatus status) {
        return new ComplianceItem(requirementId, status, LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31),
                LocalDate.of(YEAR, 12, 31), "1", status == ComplianceStatus.COMPLIANT ? "1" : "0",
                List.of(new Evidence("MEETING", "m-" + requirementId, "绍市委常〔2025〕3号", null)));
    }

    /** A waived item (issue 17): NOT_APPLICABLE with its waiver, no expected, actual or evidence; with an owner. */
    static ComplianceItem waived(String requirementId, String waiverId) {
        return new ComplianceItem(requirementId, ComplianceStatus.NOT_APPLICABLE, LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 12, 31), LocalDate.of(YEAR, 12, 31), null, null, List.of(), 1,
                new ItemWaiver(waiverId, "2025年受台风灾害影响，经费调剂用于灾后重建", LocalDate.of(YEAR, 12, 31), "admin@330602"),
                new ItemOwner("越城区团区委", "李明 0575-85123456", "330602"), null, ItemReason.WAIVED, List.of());
    }

    /** {@code counts(C, P, NC, ND, NA, waived)}: the waived are among the NOT_APPLICABLE. */
    static StatusCounts counts(long compliant, long pending, long nonCompliant, long noData, long notApplicable, long waived) {
        return new StatusCounts(compliant, pending, nonCompliant, noData, notApplicable, waived);
    }

    static ServiceItems items(String regionCode, String regionName, ComplianceItem... items) {
        return new ServiceItems(regionCode, regionName, YEAR, AS_OF, List.of(items), List.of());
    }

    /** {@code counts(C, P, NC, ND, NA)}. */
    static StatusCounts counts(long compliant, long pending, long nonCompliant, long noData, long notApplicable) {
        return new StatusCounts(compliant, pending, nonCompliant, noData, notApplicable);
    }

    static ServiceRollup rollup(String regionCode, String regionName, StatusCounts counts, List<ChildCounts> children,
            List<RequirementCounts> byRequirement) {
        return new ServiceRollup(regionCode, regionName, YEAR, AS_OF, counts, children, byRequirement, List.of(),
                Weights.ZERO);
    }

    /** A service's rollup with the sums of its weights, the root's and each child's. */
    static ServiceRollup rollup(String regionCode, String regionName, Weights weights, List<ChildCounts> children) {
        return new ServiceRollup(regionCode, regionName, YEAR, AS_OF, StatusCounts.ZERO, children, List.of(), List.of(),
                weights);
    }

    static ChildCounts child(String regionCode, String regionName, StatusCounts counts) {
        return new ChildCounts(regionCode, regionName, counts, Weights.ZERO);
    }

    static ChildCounts child(String regionCode, String regionName, Weights weights) {
        return new ChildCounts(regionCode, regionName, StatusCounts.ZERO, weights);
    }

    static RequirementCounts requirement(String requirementId, StatusCounts counts) {
        return new RequirementCounts(requirementId, counts);
    }
}
