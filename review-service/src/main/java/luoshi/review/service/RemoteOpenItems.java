package luoshi.review.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jakarta.ws.rs.WebApplicationException;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.region.RegionCode;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.ServiceRollup;

/** Another service's open items, through its {@link ComplianceSource}: one call per page. */
public class RemoteOpenItems implements OpenItemSource {

    private final String name;
    private final ComplianceSource client;
    private final int pageSize;

    public RemoteOpenItems(String name, ComplianceSource client, int pageSize) {
        this.name = name;
        this.client = client;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo) {
        List<OpenItem> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<OpenItem> p = client.openItems(asOf, dueFrom, dueTo, page, pageSize);
            all.addAll(p.items());
            if (p.items().isEmpty() || p.items().size() < pageSize || all.size() >= p.total()) {
                return all;
            }
        }
    }

    @Override
    public Optional<ComplianceItem> item(String requirementId, String regionCode, LocalDate periodStart, int year,
            LocalDate asOf) {
        try {
            return client.items(RegionCode.parse(regionCode), year, asOf).toCompletableFuture().get(60, TimeUnit.SECONDS)
                    .items().stream()
                    .filter(i -> i.requirementId().equals(requirementId) && periodStart.equals(i.periodStart())).findFirst();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebApplicationException w && w.getResponse().getStatus() / 100 == 4) {
                return Optional.empty();   // a region the owner does not know (404), a question it does not answer
            }
            throw new IllegalStateException(name + " did not answer the items of " + regionCode + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " did not answer the items of " + regionCode + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + name, e);
        }
    }

    @Override
    public ServiceRollup rollup(String regionCode, int year, LocalDate asOf) {
        try {
            return client.rollup(RegionCode.parse(regionCode), year, asOf).toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " did not answer the rollup of " + regionCode + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " did not answer the rollup of " + regionCode + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + name, e);
        }
    }
}
