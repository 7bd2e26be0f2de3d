package luoshi.funding.rest;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.RequirementList;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.funding.compliance.FundingCompliance;
import luoshi.security.Access;

/** The funding requirements for the gateway's compliance views and the reminder job (internal). */
public class FundingComplianceResource implements ComplianceSource {

    private final FundingCompliance compliance;
    private final Access access;

    FundingComplianceResource(FundingCompliance compliance, Access access) {
        this.compliance = compliance;
        this.access = access;
    }

    @Override
    public RequirementList requirements() {
        access.readAnywhere();
        return compliance.requirements();
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

    /** The whole country's open items: for the reminder job, which calls with its service token. */
    @Override
    public Page<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        access.service();
        return compliance.openItems(asOf, dueFrom, dueTo, page, size);
    }
}
