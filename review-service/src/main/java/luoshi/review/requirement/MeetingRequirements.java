package luoshi.review.requirement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Page;
import luoshi.platform.ProblemException;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.replica.RegionReplica;
import luoshi.rules.Catalog;
import luoshi.rules.ComplianceAnswers;
import luoshi.rules.RequirementCatalog;

/**
 * The meeting and document requirements evaluated (REQUIREMENTS.md, Statuses) for a region, over a
 * subtree (counts in SQL) and for the reminder job (open items of the whole country).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MeetingRequirements {

    @Inject
    RequirementCatalog catalog;

    @Inject
    RegionReplica replica;

    @Inject
    Database db;

    @Inject
    ComplianceAnswers answers;

    public ServiceItems items(String regionCode, int year, LocalDate asOf) {
        return answers.items(regionCode, year, asOf, version -> items(catalog.at(version), regionCode, year, asOf))
                .withWarnings(replica.warnings());
    }

    public ServiceRollup rollup(String regionCode, int year, LocalDate asOf) {
        return answers.rollup(regionCode, year, asOf, version -> rollup(catalog.at(version), regionCode, year, asOf))
                .withWarnings(replica.warnings());
    }

    private ServiceItems items(Catalog catalog, String regionCode, int year, LocalDate asOf) {
        String name = regionName(regionCode);
        List<ComplianceItem> items = new ArrayList<>();
        RequirementRows rows = new RequirementRows(catalog);
        for (Requirement r : catalog.all()) {
            for (String sql : rows.sql(r, RequirementRows.Scope.year(year), asOf,
                    "r.code = " + RequirementRows.quote(regionCode))) {
                for (Object[] row : query(sql)) {
                    items.add(item(r, row, year, regionCode, asOf));
                }
            }
        }
        return new ServiceItems(regionCode, name, year, asOf, items, List.of());
    }

    private ServiceRollup rollup(Catalog catalog, String regionCode, int year, LocalDate asOf) {
        String name = RegionCode.isCountry(regionCode) ? "全国" : regionName(regionCode);
        String subtree = "r.code LIKE " + RequirementRows.quote(RegionCode.subtreePattern(regionCode));
        StatusCounts total = StatusCounts.ZERO;
        Map<String, StatusCounts> perChild = new LinkedHashMap<>();
        List<ServiceRollup.RequirementCounts> perRequirement = new ArrayList<>();
        RequirementRows rows = new RequirementRows(catalog);
        for (Requirement r : catalog.all()) {
            StatusCounts counts = StatusCounts.ZERO;
            for (String rowsSql : rows.sql(r, RequirementRows.Scope.year(year), asOf, subtree)) {
                String sql = "SELECT " + RegionCode.childOfSql(regionCode, "x.region_code") + " AS child, x.status, COUNT(*)"
                        + " FROM (" + rowsSql + ") x GROUP BY child, x.status";
                for (Object[] row : query(sql)) {
                    StatusCounts c = StatusCounts.of(ComplianceStatus.valueOf((String) row[1]), ((Number) row[2]).longValue());
                    counts = counts.plus(c);
                    if (!regionCode.equals(row[0])) {
                        perChild.merge((String) row[0], c, StatusCounts::plus);
                    }
                }
            }
            total = total.plus(counts);
            perRequirement.add(new ServiceRollup.RequirementCounts(r.id(), counts));
        }
        Map<String, String> names = names(perChild.keySet());
        List<ServiceRollup.ChildCounts> children = perChild.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new ServiceRollup.ChildCounts(e.getKey(), names.get(e.getKey()), e.getValue())).toList();
        return new ServiceRollup(regionCode, name, year, asOf, total, children, perRequirement, List.of());
    }

    /** Every PENDING or NON_COMPLIANT item of the country due in [dueFrom, dueTo], ordered for stable pages. */
    public Page<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        List<OpenItem> open = allOpenItems(asOf, dueFrom, dueTo);
        int from = (int) Math.min(Page.offset(page, size), open.size());
        return new Page<>(open.subList(from, Math.min(from + size, open.size())), page, size, open.size());
    }

    public List<OpenItem> allOpenItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo) {
        List<OpenItem> open = new ArrayList<>();
        Catalog at = catalog.current();
        RequirementRows rows = new RequirementRows(at);
        for (Requirement r : at.all()) {
            for (String rowsSql : rows.sql(r, RequirementRows.Scope.dueBetween(dueFrom, dueTo), asOf, "1 = 1")) {
                String sql = "SELECT * FROM (" + rowsSql + ") x WHERE x.status IN ('PENDING', 'NON_COMPLIANT')"
                        + " AND x.due_date BETWEEN " + RequirementRows.date(dueFrom) + " AND " + RequirementRows.date(dueTo);
                for (Object[] row : query(sql)) {
                    open.add(new OpenItem(r.id(), r.titleZh(), (String) row[0], (String) row[1], date(row[2]), date(row[3]),
                            date(row[4]), ComplianceStatus.valueOf((String) row[5])));
                }
            }
        }
        open.sort(Comparator.comparing(OpenItem::requirementId).thenComparing(OpenItem::regionCode)
                .thenComparing(OpenItem::periodStart));
        return open;
    }

    private ComplianceItem item(Requirement r, Object[] row, int year, String regionCode, LocalDate asOf) {
        ComplianceStatus status = ComplianceStatus.valueOf((String) row[5]);
        LocalDate start = row[2] == null ? LocalDate.of(year, 1, 1) : date(row[2]);
        LocalDate end = row[3] == null ? LocalDate.of(year, 12, 31) : date(row[3]);
        LocalDate due = row[4] == null ? null : date(row[4]);
        if (status == ComplianceStatus.NOT_APPLICABLE) {
            return new ComplianceItem(r.id(), status, start, end, due, null, null, List.of());
        }
        if (status == ComplianceStatus.NO_DATA) {
            return new ComplianceItem(r.id(), status, start, end, null, row[7].toString(), null, List.of());
        }
        LocalDate countTo = end.isBefore(asOf) ? end : asOf;
        return new ComplianceItem(r.id(), status, start, end, due, row[7].toString(), row[6].toString(),
                evidence(r, regionCode, start, countTo));
    }

    /** The meetings or documents counted, so that an inspector can check the verdict by hand. */
    private List<Evidence> evidence(Requirement r, String regionCode, LocalDate from, LocalDate to) {
        List<Object[]> rows;
        String kind;
        if (DocumentSubmittedRule.NAME.equals(r.rule().path("type").asText())) {
            kind = "DOCUMENT";
            rows = query(Sql.of("SELECT id, document_ref, document_date, title FROM committee_document"
                    + " WHERE region_code = :region AND type = :type AND document_date <= :to ORDER BY document_date, id")
                    .bind("region", regionCode).bind("type", DocumentSubmittedRule.documentType(r.rule()))
                    .bind("to", to));
        } else {
            kind = "MEETING";
            rows = query(Sql.of("SELECT id, document_ref, meeting_date, title FROM meeting WHERE region_code = :region"
                    + " AND type = :type AND meeting_date BETWEEN :from AND :to ORDER BY meeting_date, id")
                    .bind("region", regionCode).bind("type", MeetingCountRule.meetingType(r.rule()))
                    .bind("from", from).bind("to", to));
        }
        return rows.stream().map(row -> new Evidence(kind, (String) row[0], (String) row[1], date(row[2]) + " " + row[3]))
                .toList();
    }

    private String regionName(String regionCode) {
        return replica.find(regionCode).orElseThrow(() -> ProblemException.notFound("No region " + regionCode
                + " in this service's copy of the regions.")).name();
    }

    private Map<String, String> names(java.util.Collection<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            List<Object[]> rows = query(Sql.of("SELECT code, name FROM region WHERE code IN (:codes)")
                    .bind("codes", List.copyOf(codes)));
            rows.forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }

    private List<Object[]> query(String sql) {
        return query(Sql.of(sql));
    }

    private List<Object[]> query(Sql sql) {
        return db.list(sql, rs -> {
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        });
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
