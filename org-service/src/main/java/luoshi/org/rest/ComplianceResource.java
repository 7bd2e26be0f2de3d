package luoshi.org.rest;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.RequirementList;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.org.compliance.LeadershipCompliance;
import luoshi.rules.RequirementCatalog;
import luoshi.security.Access;

/**
 * Internal, but with the caller's own token: the gateway forwards it for the compliance views, so a region's
 * items and rollup need a reader of that region; the reminder job's bulk open items, the service token.
 */
public class ComplianceResource implements ComplianceSource {

    private final LeadershipCompliance compliance;
    private final RequirementCatalog catalog;
    private final Access access;

    public ComplianceResource(LeadershipCompliance compliance, RequirementCatalog catalog, Access access) {
        this.compliance = compliance;
        this.catalog = catalog;
        this.access = access;
    }

    @Override
    public RequirementList requirements() {
        access.readAnywhere();
        return new RequirementList(catalog.all());
    }

    @Override
    public CompletionStage<ServiceItems> items(String regionCode, int year, LocalDate asOf) {
        access.read(regionCode);
        return CompletableFuture.completedFuture(compliance.items(regionCode, year, asOf));
    }

    @Override
    public CompletionStage<ServiceRollup> rollup(String regionCode, int year, LocalDate asOf) {
        access.read(regionCode);
        return CompletableFuture.completedFuture(compliance.rollup(regionCode, year, asOf));
    }

    @Override
    public Page<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        access.service();
        return compliance.openItems(asOf, dueFrom, dueTo, page, size);
    }
}
