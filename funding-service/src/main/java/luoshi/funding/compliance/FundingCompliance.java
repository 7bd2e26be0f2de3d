package luoshi.funding.compliance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import luoshi.platform.Clocks;
import luoshi.api.common.Page;
import luoshi.platform.ProblemException;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.ServiceRollup.ChildCounts;
import luoshi.api.compliance.ServiceRollup.RequirementCounts;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.funding.FundingRecord;
import luoshi.api.region.RegionCode;
import luoshi.replica.RegionReplica;
import luoshi.replica.ReplicaRegion;
import luoshi.rules.Catalog;
import luoshi.rules.ComplianceAnswers;

/** funding-service's answers to the gateway and the reminder job (luoshi.api.compliance.ComplianceSource). */
@ApplicationScoped
public class FundingCompliance {

    /** The widest span of due dates one open-items call may cover (a query per year and requirement). */
    static final int MAX_OPEN_ITEM_YEARS = 10;

    private final FundingRequirements requirements;
    private final RegionEvaluator evaluator;
    private final RegionFactsLoader facts;
    private final SubtreeStatusSql statusSql;
    private final RegionReplica replica;
    private final AgroalDataSource dataSource;
    private final ComplianceAnswers answers;
    private final Clock clock;

    FundingCompliance(FundingRequirements requirements, RegionEvaluator evaluator, RegionFactsLoader facts,
            SubtreeStatusSql statusSql, RegionReplica replica, AgroalDataSource dataSource, ComplianceAnswers answers,
            Clock clock) {
        this.requirements = requirements;
        this.evaluator = evaluator;
        this.facts = facts;
        this.statusSql = statusSql;
        this.replica = replica;
        this.dataSource = dataSource;
        this.answers = answers;
        this.clock = clock;
    }

    public RequirementList requirements() {
        return new RequirementList(requirements.all(requirements.catalog().current()));
    }

    public ServiceItems items(String regionCode, int year, LocalDate asOf) {
        LocalDate day = Clocks.asOfOrToday(asOf, clock);
        int y = yearOr(year, day);
        return answers.items(regionCode, y, day, version -> {
            ReplicaRegion region = knownRegion(regionCode);
            return new ServiceItems(region.code(), region.name(), y, day, evaluator.evaluate(requirements.catalog().at(version),
                    region.code(), y, day, facts.load(region.code(), y)), List.of());
        }).withWarnings(replica.warnings());
    }

    /** Counts over the whole subtree, per child and per requirement: one GROUP BY query. */
    public ServiceRollup rollup(String regionCode, int year, LocalDate asOf) {
        LocalDate day = Clocks.asOfOrToday(asOf, clock);
        int y = yearOr(year, day);
        return answers.rollup(regionCode, y, day, version -> rollup(requirements.catalog().at(version), regionCode, y, day))
                .withWarnings(replica.warnings());
    }

    private ServiceRollup rollup(Catalog catalog, String regionCode, int y, LocalDate day) {
        String name = RegionCode.isCountry(regionCode) ? null : knownRegion(regionCode).name();
        List<Requirement> reqs = requirements.all(catalog);
        StatusCounts total = StatusCounts.ZERO;
        Map<String, ChildCounts> children = new TreeMap<>();
        Map<String, StatusCounts> byRequirement = new LinkedHashMap<>();
        reqs.forEach(r -> byRequirement.put(r.id(), StatusCounts.ZERO));
        if (!reqs.isEmpty()) {
            // Each requirement's statuses grouped on their own, then named: a union of every region's status for every
            // requirement was materialised whole before grouping (benchmarks/: a third of a national rollup), and the
            // names are joined to the few groups, not to every region of the subtree.
            String grouped = reqs.stream().map(r -> "SELECT " + RegionCode.childOfSql(regionCode, "x.code")
                    + " AS child, x.requirement_id, x.status, COUNT(*) AS n FROM (" + statusSql.statuses(catalog, r, y, regionCode, day)
                    + ") x GROUP BY 1, 2, 3").collect(Collectors.joining(" UNION ALL "));
            String sql = "SELECT y.child, c.name, y.requirement_id, y.status, y.n FROM (" + grouped + ") y"
                    + " LEFT JOIN region c ON c.code = y.child";
            for (Object[] row : query(sql)) {
                String child = (String) row[0];
                StatusCounts n = StatusCounts.of(ComplianceStatus.valueOf((String) row[3]), ((Number) row[4]).longValue());
                total = total.plus(n);
                byRequirement.merge((String) row[2], n, StatusCounts::plus);
                if (!child.equals(regionCode)) {   // the region's own items count in the total only
                    children.merge(child, new ChildCounts(child, (String) row[1], n),
                            (a, b) -> new ChildCounts(a.regionCode(), a.regionName(), a.counts().plus(b.counts())));
                }
            }
        }
        return new ServiceRollup(regionCode, name, y, day, total, List.copyOf(children.values()),
                byRequirement.entrySet().stream().map(e -> new RequirementCounts(e.getKey(), e.getValue())).toList(),
                List.of());
    }

    /** Every PENDING or NON_COMPLIANT item in the country due in [dueFrom, dueTo], by requirement, region, period. */
    public Page<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        LocalDate day = Clocks.asOfOrToday(asOf, clock);
        LocalDate from = dueFrom != null ? dueFrom : day.minusDays(365);
        LocalDate to = dueTo != null ? dueTo : day.plusDays(365);
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > ComplianceSource.MAX_OPEN_ITEMS_PAGE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + ComplianceSource.MAX_OPEN_ITEMS_PAGE);
        }
        if (to.isBefore(from) || to.getYear() - from.getYear() >= MAX_OPEN_ITEM_YEARS) {
            throw ProblemException.badRequest("dueTo", "must be on or after dueFrom and at most "
                    + MAX_OPEN_ITEM_YEARS + " years later");
        }
        Catalog catalog = requirements.catalog().current();
        Map<String, Requirement> reqs = new LinkedHashMap<>();
        requirements.all(catalog).forEach(r -> reqs.put(r.id(), r));
        List<String> selects = new ArrayList<>();
        for (Requirement r : reqs.values()) {
            List<Integer> years = r.period() == RequirementPeriod.ONCE && r.dueDate() != null
                    ? List.of(r.dueDate().getYear()) : IntStream.rangeClosed(from.getYear(), to.getYear()).boxed().toList();
            for (int y : years) {
                LocalDate due = FundingRequirements.period(r, y).due();
                if (!due.isBefore(from) && !due.isAfter(to)) {
                    selects.add(statusSql.statuses(catalog, r, y, RegionCode.COUNTRY, day));
                }
            }
        }
        if (selects.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        String open = "SELECT * FROM (" + String.join(" UNION ALL ", selects) + ") x"
                + " WHERE x.status IN ('PENDING','NON_COMPLIANT')";
        List<OpenItem> items = query(open + " ORDER BY x.requirement_id, x.code, x.year LIMIT " + size
                + " OFFSET " + Page.offset(page, size)).stream().map(row -> {
                    Requirement r = reqs.get((String) row[2]);
                    FundingRequirements.Period p = FundingRequirements.period(r, ((Number) row[3]).intValue());
                    return new OpenItem(r.id(), r.title(), (String) row[0], (String) row[1], p.start(), p.end(), p.due(),
                            ComplianceStatus.valueOf((String) row[4]));
                }).toList();
        long total = Page.total(page, size, items.size(),
                () -> ((Number) query("SELECT COUNT(*) FROM (" + open + ") o").get(0)[0]).longValue());
        return new Page<>(items, page, size, total);
    }

    private ReplicaRegion knownRegion(String regionCode) {
        if (regionCode == null || RegionCode.levelOf(regionCode).isEmpty()) {
            throw ProblemException.badRequest("regionCode", "must be a region code of 6, 9 or 12 digits");
        }
        return replica.find(regionCode).orElseThrow(() -> ProblemException.notFound("No region " + regionCode
                + " in funding-service's copy of the regions"));
    }

    private static int yearOr(int year, LocalDate asOf) {
        if (year == 0) {
            return asOf.getYear();
        }
        if (year < FundingRecord.FIRST_FISCAL_YEAR || year > FundingRecord.LAST_FISCAL_YEAR) {
            throw ProblemException.badRequest("year", "must be between " + FundingRecord.FIRST_FISCAL_YEAR
                    + " and " + FundingRecord.LAST_FISCAL_YEAR);
        }
        return year;
    }

    private List<Object[]> query(String sql) {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("compliance query failed", e);
        }
        return rows;
    }
}
