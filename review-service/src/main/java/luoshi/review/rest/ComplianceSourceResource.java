package luoshi.review.rest;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import luoshi.platform.Clocks;
import luoshi.api.common.Page;
import luoshi.platform.ProblemException;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.RequirementList;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.region.RegionCode;
import luoshi.review.requirement.MeetingRequirements;
import luoshi.rules.RequirementCatalog;
import luoshi.security.Access;

/**
 * What review-service answers about the requirements it owns (internal, for the gateway and the job).
 * Items and rollups: a reader of the region (the gateway forwards the caller's token); the catalog:
 * any reader; the bulk open items: the other services only.
 */
public class ComplianceSourceResource implements ComplianceSource {

    @Inject
    MeetingRequirements requirements;

    @Inject
    RequirementCatalog catalog;

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Override
    public RequirementList requirements() {
        access.readAnywhere();
        return new RequirementList(catalog.all());
    }

    @Override
    public CompletionStage<ServiceItems> items(String regionCode, int year, LocalDate asOf) {
        checkRegion(regionCode, false);
        access.read(regionCode);
        LocalDate date = Clocks.asOfOrToday(asOf, clock);
        return CompletableFuture.completedFuture(requirements.items(regionCode, year == 0 ? date.getYear() : year, date));
    }

    @Override
    public CompletionStage<ServiceRollup> rollup(String regionCode, int year, LocalDate asOf) {
        checkRegion(regionCode, true);
        access.read(regionCode);
        LocalDate date = Clocks.asOfOrToday(asOf, clock);
        return CompletableFuture.completedFuture(requirements.rollup(regionCode, year == 0 ? date.getYear() : year, date));
    }

    @Override
    public Page<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        access.service();
        LocalDate date = Clocks.asOfOrToday(asOf, clock);
        if (dueFrom == null || dueTo == null) {
            throw ProblemException.badRequest(dueFrom == null ? "dueFrom" : "dueTo", "is required");
        }
        if (page < 0 || size < 1 || size > ComplianceSource.MAX_OPEN_ITEMS_PAGE) {
            throw ProblemException.badRequest(page < 0 ? "page" : "size", "out of range");
        }
        return requirements.openItems(date, dueFrom, dueTo, page, size);
    }

    private static void checkRegion(String regionCode, boolean countryAllowed) {
        if (RegionCode.levelOf(regionCode).isEmpty() && !(countryAllowed && RegionCode.isCountry(regionCode))) {
            throw ProblemException.badRequest("regionCode", "not a region code: " + regionCode);
        }
    }
}
