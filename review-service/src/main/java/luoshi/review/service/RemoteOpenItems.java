package luoshi.review.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.OpenItem;

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
}
