package luoshi.funding.rest;

import java.time.LocalDate;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.RequirementList;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.funding.compliance.FundingCompliance;

/** The funding requirements for the gateway's compliance views and the reminder job (internal). */
public class FundingComplianceResource implements ComplianceSource {

    private final FundingCompliance compliance;

    FundingComplianceResource(FundingCompliance compliance) {
        this.compliance = compliance;
    }

    @Override
    public RequirementList requirements() {
        return compliance.requirements();
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
