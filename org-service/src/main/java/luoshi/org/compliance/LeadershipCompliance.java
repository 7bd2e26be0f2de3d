package luoshi.org.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import luoshi.platform.Clocks;
import luoshi.api.common.Page;
import luoshi.platform.ProblemException;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.ServiceRollup.ChildCounts;
import luoshi.api.compliance.ServiceRollup.RequirementCounts;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.region.Region;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.org.service.RegionService;
import luoshi.org.store.RegionStore;
import luoshi.rules.Catalog;
import luoshi.rules.ComplianceAnswers;
import luoshi.rules.RequirementCatalog;

/**
 * The leadership requirements evaluated for a region, a subtree or the whole country. Both are STATE
 * requirements (REQUIREMENTS.md): evaluated on {@code asOf}, or on 12-31 of a past year, and not met on
 * that date means NON_COMPLIANT.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LeadershipCompliance {

    private final RequirementCatalog catalog;
    private final Map<String, LeadershipRule> rules = new HashMap<>();
    private final RegionService regions;
    private final RegionStore regionStore;
    private final Database db;
    private final ComplianceAnswers answers;
    private final Clock clock;

    public LeadershipCompliance(RequirementCatalog catalog, Instance<LeadershipRule> rules, RegionService regions,
            RegionStore regionStore, Database db, ComplianceAnswers answers, Clock clock) {
        this.catalog = catalog;
        this.answers = answers;
        rules.forEach(r -> this.rules.put(r.name(), r));
        this.regions = regions;
        this.regionStore = regionStore;
        this.db = db;
        this.clock = clock;
    }

    /** The evaluation date of a STATE requirement: asOf, or the year's last day when that is earlier. */
    static LocalDate evaluationDate(int year, LocalDate asOf) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return asOf.isBefore(yearEnd) ? asOf : yearEnd;
    }

    public ServiceItems items(String regionCode, Integer year, LocalDate asOfOrNull) {
        LocalDate asOf = Clocks.asOfOrToday(asOfOrNull, clock);
        int y = yearOr(year, asOf);
        return answers.items(regionCode, y, asOf, version -> {
            Region region = regions.get(regionCode);
            Catalog at = catalog.at(version);
            LocalDate on = evaluationDate(y, asOf);
            List<ComplianceItem> items = new ArrayList<>();
            for (Requirement r : at.all()) {
                items.add(item(at, r, regionCode, y, on));
            }
            return new ServiceItems(regionCode, region.name(), y, asOf, items, List.of());
        });
    }

    private ComplianceItem item(Catalog catalog, Requirement r, String regionCode, int year, LocalDate on) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LeadershipRule rule = rule(r);
        if (!catalog.applies(r, regionCode)) {
            return new ComplianceItem(r.id(), ComplianceStatus.NOT_APPLICABLE, start, end, on, null, null, List.of());
        }
        ObjectNode effective = catalog.effectiveRule(r, regionCode);
        LeadershipRule.Query q = rule.verdicts(catalog, r, on, regionCode);
        Verdict v = db.one(Sql.of("SELECT " + rule.statusSql() + " AS status, v.met, v.needed FROM (:verdicts) v")
                .bind("verdicts", q.sql()),
                rs -> new Verdict(ComplianceStatus.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
                .orElseThrow();
        if (v.status() == ComplianceStatus.NOT_APPLICABLE) {
            return new ComplianceItem(r.id(), v.status(), start, end, on, null, null, List.of());
        }
        return new ComplianceItem(r.id(), v.status(), start, end, on, rule.expected(effective), rule.actual(v.met(), v.needed()),
                rule.evidence(effective, regionCode, on));
    }

    record Verdict(ComplianceStatus status, long met, long needed) {
    }

    /**
     * Counts over the subtree, in SQL: one GROUP BY (child, status) per requirement over the regions it
     * applies to, and one count of the subtree's regions per child; the regions a requirement does not
     * apply to count as NOT_APPLICABLE.
     */
    public ServiceRollup rollup(String regionCode, Integer year, LocalDate asOfOrNull) {
        LocalDate asOf = Clocks.asOfOrToday(asOfOrNull, clock);
        int y = yearOr(year, asOf);
        return answers.rollup(regionCode, y, asOf, version -> rollup(catalog.at(version), regionCode, y, asOf));
    }

    private ServiceRollup rollup(Catalog catalog, String regionCode, int y, LocalDate asOf) {
        Region region = regions.get(regionCode);
        LocalDate on = evaluationDate(y, asOf);
        String scope = RegionCode.subtreePattern(regionCode);
        String child = "CASE WHEN %1$s = '" + regionCode + "' THEN '' ELSE " + RegionCode.childOfSql(regionCode, "%1$s") + " END";

        Map<String, Long> regionsPerChild = new HashMap<>();
        db.list(Sql.of("SELECT " + String.format(child, "code") + " AS child, COUNT(*) FROM region WHERE code LIKE :scope GROUP BY 1")
                .bind("scope", scope), rs -> regionsPerChild.put(rs.getString(1), rs.getLong(2)));

        Map<String, StatusCounts> perChild = new HashMap<>();
        List<RequirementCounts> byRequirement = new ArrayList<>();
        for (Requirement r : catalog.all()) {
            LeadershipRule rule = rule(r);
            LeadershipRule.Query q = rule.verdicts(catalog, r, on, scope);
            Map<String, StatusCounts> counts = new HashMap<>();
            db.list(Sql.of("SELECT " + String.format(child, "v.code") + " AS child, " + rule.statusSql() + " AS status, COUNT(*) "
                    + "FROM (:verdicts) v GROUP BY 1, 2").bind("verdicts", q.sql()), rs -> counts.merge(rs.getString(1),
                            StatusCounts.of(ComplianceStatus.valueOf(rs.getString(2)), rs.getLong(3)), StatusCounts::plus));
            StatusCounts total = StatusCounts.ZERO;
            for (Map.Entry<String, Long> e : regionsPerChild.entrySet()) {
                StatusCounts evaluated = counts.getOrDefault(e.getKey(), StatusCounts.ZERO);
                long evaluatedCount = sum(evaluated);
                StatusCounts c = evaluated.plus(StatusCounts.of(ComplianceStatus.NOT_APPLICABLE, e.getValue() - evaluatedCount));
                perChild.merge(e.getKey(), c, StatusCounts::plus);
                total = total.plus(c);
            }
            byRequirement.add(new RequirementCounts(r.id(), total));
        }

        List<ChildCounts> children = new ArrayList<>();
        Map<String, String> childNames = new LinkedHashMap<>();
        regionStore.children(regionCode, 0, Integer.MAX_VALUE).items().forEach(c -> childNames.put(c.code(), c.name()));
        childNames.forEach((code, name) -> children.add(new ChildCounts(code, name, perChild.getOrDefault(code, StatusCounts.ZERO))));
        StatusCounts all = perChild.values().stream().reduce(StatusCounts.ZERO, StatusCounts::plus);
        return new ServiceRollup(regionCode, region.name(), y, asOf, all, children, byRequirement, List.of());
    }

    /** The NON_COMPLIANT regions of every requirement, evaluated on asOf, when asOf lies in [dueFrom, dueTo]. */
    public Page<OpenItem> openItems(LocalDate asOfOrNull, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be at least 0");
        }
        if (size < 1 || size > ComplianceSource.MAX_OPEN_ITEMS_PAGE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + ComplianceSource.MAX_OPEN_ITEMS_PAGE);
        }
        LocalDate asOf = Clocks.asOfOrToday(asOfOrNull, clock);
        if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
            throw ProblemException.badRequest("dueTo", "is before dueFrom");
        }
        if (dueFrom != null && asOf.isBefore(dueFrom) || dueTo != null && asOf.isAfter(dueTo)) {
            return new Page<>(List.of(), page, size, 0);
        }
        List<Sql> selects = new ArrayList<>();
        Map<String, Requirement> byId = new HashMap<>();
        Catalog at = catalog.current();
        for (Requirement r : at.all()) {
            LeadershipRule rule = rule(r);
            LeadershipRule.Query q = rule.verdicts(at, r, asOf, "%");
            selects.add(Sql.of("SELECT :requirement AS requirement_id, v.code FROM (:verdicts) v WHERE " + rule.statusSql()
                    + " = 'NON_COMPLIANT'").bind("requirement", r.id()).bind("verdicts", q.sql()));
            byId.put(r.id(), r);
        }
        if (selects.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        Sql open = Sql.join(" UNION ALL ", selects);
        List<OpenItem> items = db.list(Sql.of("SELECT x.requirement_id, x.code, g.name FROM (:open) x JOIN region g ON g.code = x.code "
                + "ORDER BY x.requirement_id, x.code LIMIT :size OFFSET :offset").bind("open", open).bind("size", size)
                .bind("offset", Page.offset(page, size)), rs -> {
                    Requirement r = byId.get(rs.getString(1));
                    return new OpenItem(r.id(), r.title(), rs.getString(2), rs.getString(3), LocalDate.of(asOf.getYear(), 1, 1),
                            LocalDate.of(asOf.getYear(), 12, 31), asOf, ComplianceStatus.NON_COMPLIANT);
                });
        long total = Page.total(page, size, items.size(), () -> db.count(Sql.of("SELECT COUNT(*) FROM (:open) x")
                .bind("open", open)));
        return new Page<>(items, page, size, total);
    }

    private LeadershipRule rule(Requirement r) {
        LeadershipRule rule = rules.get(r.rule().path("type").asText());
        if (rule == null) {
            throw new IllegalStateException("no rule type " + r.rule().path("type").asText() + " for " + r.id());
        }
        return rule;
    }

    private static int yearOr(Integer year, LocalDate asOf) {
        if (year == null || year == 0) {
            return asOf.getYear();
        }
        if (year < 1949 || year > 2100) {
            throw ProblemException.badRequest("year", "must be between 1949 and 2100");
        }
        return year;
    }

    private static long sum(StatusCounts c) {
        long n = 0;
        for (ComplianceStatus s : ComplianceStatus.values()) {
            n += c.get(s);
        }
        return n;
    }
}
