package luoshi.rules.rest;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.RequirementList;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.region.RegionCode;
import luoshi.rules.engine.Compliance;
import luoshi.security.Access;

/**
 * What every service answers about the requirements it owns (internal): the catalog to any reader; a region's items
 * and a subtree's rollup to a reader of that region (the gateway forwards the caller's token); the country's open
 * items to the other services only (the reminder job's service token).
 */
public class ComplianceSourceResource implements ComplianceSource {

    private final Compliance compliance;
    private final Access access;

    ComplianceSourceResource(Compliance compliance, Access access) {
        this.compliance = compliance;
        this.access = access;
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
    public Page<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        access.service();
        return compliance.openItems(asOf, dueFrom, dueTo, page, size);
    }
}
