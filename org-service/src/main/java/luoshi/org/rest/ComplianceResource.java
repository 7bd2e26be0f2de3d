package luoshi.org.rest;

import java.time.LocalDate;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.RequirementList;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.org.compliance.LeadershipCompliance;
import luoshi.rules.RequirementCatalog;

public class ComplianceResource implements ComplianceSource {

    private final LeadershipCompliance compliance;
    private final RequirementCatalog catalog;

    public ComplianceResource(LeadershipCompliance compliance, RequirementCatalog catalog) {
        this.compliance = compliance;
        this.catalog = catalog;
    }

    @Override
    public RequirementList requirements() {
        return new RequirementList(catalog.all());
    }

    @Override
    public ServiceItems items(String regionCode, int year, LocalDate asOf) {
        return compliance.items(regionCode, year, asOf);
    }

    @Override
    public ServiceRollup rollup(String regionCode, int year, LocalDate asOf) {
        return compliance.rollup(regionCode, year, asOf);
    }

    @Override
    public Page<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        return compliance.openItems(asOf, dueFrom, dueTo, page, size);
    }
}
