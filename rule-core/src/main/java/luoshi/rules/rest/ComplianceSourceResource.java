package luoshi.rules.rest;

import jakarta.enterprise.inject.Instance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import luoshi.api.common.Page;
import luoshi.api.common.Violation;
import luoshi.api.compliance.FollowUpFilter;
import luoshi.api.compliance.ItemRectification;
import luoshi.api.compliance.ServiceFollowUp;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.RequirementList;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.region.RegionCode;
import luoshi.platform.ProblemException;
import luoshi.rules.engine.Compliance;
import luoshi.rules.engine.OpenRectifications;
import luoshi.security.Access;

/**
 * What every service answers about the requirements it owns (internal): the catalog to any reader; a region's items
 * and a subtree's rollup to a reader of that region (the gateway forwards the caller's token); the country's open
 * items to the other services only (the reminder job's service token).
 */
public class ComplianceSourceResource implements ComplianceSource {

    private final Compliance compliance;
    private final Access access;
    private final Instance<OpenRectifications> rectifications;

    ComplianceSourceResource(Compliance compliance, Access access, Instance<OpenRectifications> rectifications) {
        this.compliance = compliance;
        this.access = access;
        this.rectifications = rectifications;
    }

    @Override
    public RequirementList requirements() {
        access.readAnywhere();
        return compliance.requirements();
    }

    @Override
    public CompletionStage<ServiceItems> items(RegionCode regionCode, int year, LocalDate asOf) {
        access.read(regionCode.value());
        return CompletableFuture.completedFuture(compliance.items(regionCode.value(), year, asOf));
    }

    @Override
    public CompletionStage<ServiceRollup> rollup(RegionCode regionCode, int year, LocalDate asOf) {
        access.read(regionCode.value());
        return CompletableFuture.completedFuture(compliance.rollup(regionCode.value(), year, asOf));
    }

    @Override
    public CompletionStage<ServiceFollowUp> followUp(RegionCode regionCode, int year, LocalDate asOf, String status,
            String level, String requirementId, String afterRegion, String afterRequirement, LocalDate afterPeriod,
            int limit, boolean count) {
        access.read(regionCode.value());
        List<Violation> violations = new ArrayList<>();
        FollowUpFilter filter = FollowUpFilter.parse(status, level, requirementId, violations);
        boolean after = afterRegion != null || afterRequirement != null || afterPeriod != null;
        if (after && (afterRegion == null || afterRequirement == null || afterPeriod == null)) {
            violations.add(new Violation("afterRegion", "afterRegion, afterRequirement and afterPeriod go together"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        return CompletableFuture.completedFuture(compliance.followUp(regionCode.value(), year, asOf, filter,
                after ? new Compliance.FollowUpKey(afterRegion, afterRequirement, afterPeriod) : null, limit, count));
    }

    @Override
    public List<ItemRectification> openRectifications(RegionCode regionCode, String fromRegion, String toRegion) {
        access.read(regionCode.value());
        if (fromRegion == null || toRegion == null) {
            throw ProblemException.badRequest(fromRegion == null ? "fromRegion" : "toRegion", "must be given");
        }
        return rectifications.isResolvable()
                ? rectifications.get().open(regionCode.value(), fromRegion, toRegion) : List.of();
    }

    @Override
    public Page<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        access.service();
        return compliance.openItems(asOf, dueFrom, dueTo, page, size);
    }
}
