package luoshi.rules.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.api.compliance.FollowUpFilter;
import luoshi.api.compliance.FollowUpItem;
import luoshi.api.compliance.ItemReason;
import luoshi.api.compliance.ServiceFollowUp;
import luoshi.api.compliance.ItemOwner;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.api.compliance.ServiceItems;
import luoshi.api.compliance.ServiceRollup.ChildCounts;
import luoshi.api.compliance.ServiceRollup.RequirementCounts;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.Weights;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.platform.Clocks;
import luoshi.platform.ComplianceWarnings;
import luoshi.platform.ProblemException;
import luoshi.rules.catalog.Catalog;
import luoshi.rules.catalog.RequirementCatalog;
import luoshi.rules.catalog.RulesConfig;
import luoshi.rules.catalog.RuleTypes;
import luoshi.rules.catalog.TypedRule;
import luoshi.rules.engine.Verdicts.DueBetween;
import luoshi.rules.engine.Verdicts.InYear;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.RuleType;

/**
 * A service's answers about the requirements it owns ({@link ComplianceSource}), the same in every service: a region's
 * items, a subtree's counts per child and per requirement, and the country's open items for the reminder job, all
 * read from the rows of {@link Verdicts} over the service's {@code region} table (org-service's own, or the read
 * copy) and kept by data version ({@link ComplianceAnswers}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Compliance {

    /** The years a question may name: from the People's Republic's founding to the end of the catalog's horizon. */
    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 2100;
    /** The widest span of due dates one open-items call may cover (a statement per year and requirement). */
    public static final int MAX_OPEN_ITEM_YEARS = 10;
    /** How far before and after {@code asOf} the open items reach when the caller names no window. */
    static final int DEFAULT_WINDOW_DAYS = 365;
    static final String COUNTRY_NAME = "中华人民共和国";

    private final RequirementCatalog catalog;
    private final RuleTypes types;
    private final Verdicts verdicts;
    private final Database db;
    private final ComplianceAnswers answers;
    private final Instance<ComplianceWarnings> warnings;
    private final Instance<RollupAddition> additions;
    private final Clock clock;
    private final int followUpWindow;

    Compliance(RequirementCatalog catalog, RuleTypes types, Verdicts verdicts, Database db, ComplianceAnswers answers,
            Instance<ComplianceWarnings> warnings, Instance<RollupAddition> additions, Clock clock, RulesConfig config) {
        this.catalog = catalog;
        this.types = types;
        this.verdicts = verdicts;
        this.db = db;
        this.answers = answers;
        this.warnings = warnings;
        this.additions = additions;
        this.clock = clock;
        this.followUpWindow = Math.max(1, config.followUpWindow());
    }

    public RequirementList requirements() {
        return new RequirementList(catalog.all());
    }

    /**
     * One item per requirement (and period) for a region, ordered by requirement id, then period. The country (000000)
     * has its items too, every one NOT_APPLICABLE (no requirement applies to a level it does not have).
     */
    public ServiceItems items(String regionCode, int year, LocalDate asOf) {
        Question q = question(year, asOf);
        return answers.items(regionCode, q.year(), q.day(), version -> items(catalog.at(version), regionCode, q.year(), q.day()))
                .withWarnings(warnings());
    }

    private ServiceItems items(Catalog at, String regionCode, int y, LocalDate day) {
        boolean country = RegionCode.isCountry(regionCode);
        String name = country ? COUNTRY_NAME : null;
        Sql regions = country ? Verdicts.country(COUNTRY_NAME) : Verdicts.REGIONS;
        List<Requirement> reqs = at.all();
        List<Sql> selects = new ArrayList<>();
        for (int i = 0; i < reqs.size(); i++) {
            for (Sql rows : verdicts.rows(at, reqs.get(i), new InYear(y), day, regions, Verdicts.regionIs(regionCode),
                    regionCode, true)) {
                selects.add(Sql.of("SELECT :ord AS ord, x.* FROM (:rows) x").bind("ord", i).bind("rows", rows));
            }
        }
        Items items = new Items();
        if (!selects.isEmpty()) {
            Sql all = Sql.of("SELECT * FROM (:all) i ORDER BY i.ord, i.period_start")
                    .bind("all", Sql.join(" UNION ALL ", selects));
            for (ItemRow row : db.list(all, ItemRow::read)) {
                name = name == null ? row.name() : name;   // the rows carry the region's name: no statement of its own
                item(at, reqs.get(row.ord()), regionCode, y, row, items);
            }
        }
        if (name == null) {
            name = regionName(regionCode);            // no row: an unknown region (404), or nothing that applies
        }
        return new ServiceItems(regionCode, name, y, day, items.withEvidence(), List.of());
    }

    private record ItemRow(int ord, String name, LocalDate start, LocalDate end, LocalDate due, LocalDate knownOn,
            ComplianceStatus status, Integer version, String waiverId, BigDecimal actual, BigDecimal expected,
            BigDecimal base, ItemReason reason) {

        static ItemRow read(ResultSet rs) throws SQLException {
            String reason = rs.getString("reason");
            ComplianceStatus status = ComplianceStatus.valueOf(rs.getString("status"));
            return new ItemRow(rs.getInt("ord"), rs.getString("name"), date(rs, "period_start"), date(rs, "period_end"),
                    date(rs, "due_date"), date(rs, "known_on"), status,
                    rs.getObject("version", Integer.class), rs.getString("waiver_id"), rs.getBigDecimal("actual"),
                    rs.getBigDecimal("expected"), rs.getBigDecimal("base"),
                    // a reason only where the contract gives one (the CASE leaves it NULL for a verdict on the facts)
                    reason == null || status != ComplianceStatus.NOT_APPLICABLE && status != ComplianceStatus.NO_DATA
                            ? null : ItemReason.valueOf(reason));
        }
    }

    /**
     * An item from its row, added to {@code items} (its evidence read with the other items' of its type):
     * {@code base} is the requirement, the row names the version that judged it.
     */
    private ComplianceItem item(Catalog at, Requirement base, String regionCode, int year, ItemRow row, Items items) {
        ItemOwner owner = at.owner(base.id(), regionCode);
        if (row.status() == ComplianceStatus.NOT_APPLICABLE) {
            return items.add(new ComplianceItem(base.id(), row.status(), row.start(), row.end(), row.due(), null, null,
                    List.of(), row.version(), row.waiverId() == null ? null : at.waiver(row.waiverId()), owner,
                    title(base), row.reason(), List.of()));
        }
        Requirement r = at.version(base.id(), row.version()).orElseThrow();
        return item(inForce(at, r, regionCode, year, row), r, regionCode, row, owner, items);
    }

    /**
     * The expected and actual of a judged item, as {@link #item} gives them, without its evidence: an open item carries
     * its texts only, and the evidence is a statement for each item (a national read of the open items judged tens of
     * thousands NON_COMPLIANT, and read the evidence of each to drop it; #26).
     */
    private RuleType.Texts texts(Catalog at, Requirement base, String regionCode, int year, ItemRow row) {
        Requirement r = at.version(base.id(), row.version()).orElseThrow();
        return texts(inForce(at, r, regionCode, year, row), r, regionCode, row);
    }

    /** The rule of {@code r} in force for the region on the item's due date. */
    private TypedRule<?> inForce(Catalog at, Requirement r, String regionCode, int year, ItemRow row) {
        // the settings of the due date (a term's row without a term: the year's end), as Verdicts read them
        LocalDate day = row.due() != null ? row.due() : LocalDate.of(year, 12, 31);
        ObjectNode effective = at.parameters().effectiveRule(r, regionCode, day);
        return types.typed(effective).orElseThrow(() -> new IllegalStateException(
                "the rule in force for " + regionCode + " of " + r.id() + " is not valid: " + effective));
    }

    private static <P> Found<P> found(TypedRule<P> rule, Requirement r, String regionCode, ItemRow row) {
        return new Found<>(regionCode, rule.parameters(), r.period(), row.status(), row.start(), row.end(),
                row.knownOn(), row.actual(), row.expected(), row.base());
    }

    private static <P> RuleType.Texts texts(TypedRule<P> rule, Requirement r, String regionCode, ItemRow row) {
        return rule.type().texts(found(rule, r, regionCode, row));
    }

    /** An item the type reads: its texts, from the parameters in force for the region, and its evidence to read. */
    private static <P> ComplianceItem item(TypedRule<P> rule, Requirement r, String regionCode, ItemRow row,
            ItemOwner owner, Items items) {
        Found<P> found = found(rule, r, regionCode, row);
        RuleType.Texts texts = rule.type().texts(found);
        List<String> missing = row.reason() == ItemReason.NO_FACTS ? rule.type().missingFacts(found) : List.of();
        return items.add(new ComplianceItem(r.id(), row.status(), row.start(), row.end(), row.due(), texts.expected(),
                texts.actual(), List.of(), row.version(), null, owner, title(r), row.reason(), missing), rule.type(), found);
    }

    /**
     * The items of an answer in their order, judged one by one, whose evidence is read once they all are: each rule
     * type's with one call of {@link RuleType#evidence(List)} (one statement for a type that reads the database),
     * however many items the type has. One statement per item was most of the cost of an answer evaluated afresh
     * beside its items' statement (docs/BENCHMARKS.md; #29).
     */
    private static final class Items {

        private final List<ComplianceItem> items = new ArrayList<>();
        /** By type name: the type, and the places and facts of its items that have evidence to read. */
        private final Map<String, Judged<?>> byType = new LinkedHashMap<>();

        /** An item with nothing to read (NOT_APPLICABLE). */
        ComplianceItem add(ComplianceItem item) {
            items.add(item);
            return item;
        }

        /** An item of {@code type}, its evidence still to read for {@code found}. */
        @SuppressWarnings("unchecked")
        <P> ComplianceItem add(ComplianceItem item, RuleType<P> type, Found<P> found) {
            Judged<P> judged = (Judged<P>) byType.computeIfAbsent(type.name(), n -> new Judged<>(type));
            judged.places().add(items.size());
            judged.found().add(found);
            return add(item);
        }

        /** The items, each with its evidence: one call of each type. */
        List<ComplianceItem> withEvidence() {
            for (Judged<?> judged : byType.values()) {
                judged.readInto(items);
            }
            return items;
        }

        private record Judged<P>(RuleType<P> type, List<Integer> places, List<Found<P>> found) {

            Judged(RuleType<P> type) {
                this(type, new ArrayList<>(), new ArrayList<>());
            }

            void readInto(List<ComplianceItem> items) {
                List<List<Evidence>> evidence = type.evidence(found);
                if (evidence.size() != found.size()) {
                    throw new IllegalStateException(type.name() + " answered the evidence of " + evidence.size()
                            + " items for " + found.size());
                }
                for (int i = 0; i < places.size(); i++) {
                    ComplianceItem c = items.get(places.get(i));
                    items.set(places.get(i), new ComplianceItem(c.requirementId(), c.status(), c.periodStart(),
                            c.periodEnd(), c.dueDate(), c.expected(), c.actual(), evidence.get(i), c.requirementVersion(),
                            c.waiver(), c.owner(), c.title(), c.reason(), c.missing()));
                }
            }
        }
    }

    /** Counts over the whole subtree, per child and per requirement: one statement, grouped in SQL. */
    public ServiceRollup rollup(String regionCode, int year, LocalDate asOf) {
        Question q = question(year, asOf);
        return answers.rollup(regionCode, q.year(), q.day(), version -> rollup(catalog.at(version), regionCode, q.year(), q.day()))
                .withWarnings(warnings());
    }

    private ServiceRollup rollup(Catalog at, String root, int y, LocalDate day) {
        String name = RegionCode.isCountry(root) ? COUNTRY_NAME : regionName(root);
        Sql where = Verdicts.subtreeOf(root);
        List<Sql> grouped = new ArrayList<>();
        Map<String, StatusCounts> byRequirement = new LinkedHashMap<>();
        for (Requirement r : at.all()) {
            byRequirement.put(r.id(), StatusCounts.ZERO);
            for (Sql rows : verdicts.rows(at, r, new InYear(y), day, where, root, false)) {
                // each requirement's statuses grouped on their own, then named: the names are joined to the few
                // groups, not to every region of the subtree (benchmarks/)
                grouped.add(Sql.of("SELECT :child AS child, :id AS requirement_id, x.status AS status,"
                        + " x.waiver_id IS NOT NULL AS waived, x.version AS version, COUNT(*) AS n FROM (:rows) x"
                        + " GROUP BY child, x.status, waived, x.version")
                        .bind("child", Subtrees.childOf(root, "x.code")).bind("id", r.id()).bind("rows", rows));
            }
        }
        StatusCounts total = StatusCounts.ZERO;
        Weights weights = Weights.ZERO;
        Map<String, ChildCounts> children = new TreeMap<>();
        if (!grouped.isEmpty()) {
            Sql sql = Sql.of("SELECT y.child, c.name, y.requirement_id, y.status, y.waived, y.n, y.version FROM (:grouped) y"
                    + " LEFT JOIN region c ON c.code = y.child").bind("grouped", Sql.join(" UNION ALL ", grouped));
            for (GroupRow row : db.list(sql, rs -> {
                ComplianceStatus status = ComplianceStatus.valueOf(rs.getString(4));
                boolean waived = rs.getBoolean(5);
                long n = rs.getLong(6);
                int version = rs.getInt(7);
                // each item weighs what the version that judged it says (API.md, "Evaluation and trends"); a waived item
                // is NOT_APPLICABLE and weighs nothing
                Optional<Requirement> judged = rs.wasNull() || waived ? Optional.empty() : at.version(rs.getString(3), version);
                return new GroupRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        waived ? StatusCounts.waived(n) : StatusCounts.of(status, n),
                        judged.map(v -> Weights.of(status, n, v.weight(), v.dimension())).orElse(Weights.ZERO));
            })) {
                total = total.plus(row.counts());
                weights = weights.plus(row.weights());
                byRequirement.merge(row.requirementId(), row.counts(), StatusCounts::plus);
                if (!row.child().equals(root)) {   // the root's own items count in the total only
                    children.merge(row.child(), new ChildCounts(row.child(), row.childName(), row.counts(), row.weights()),
                            ChildCounts::plus);
                }
            }
        }
        ServiceRollup rollup = new ServiceRollup(root, name, y, day, total, List.copyOf(children.values()),
                byRequirement.entrySet().stream().map(e -> new RequirementCounts(e.getKey(), e.getValue())).toList(),
                List.of(), weights);
        for (RollupAddition addition : additions) {
            rollup = addition.addTo(rollup, root, y, day);
        }
        return rollup;
    }

    private record GroupRow(String child, String childName, String requirementId, StatusCounts counts, Weights weights) {
    }

    /**
     * Every PENDING or NON_COMPLIANT item of the country due in [dueFrom, dueTo] (by default a year either side of
     * asOf), evaluated on asOf, ordered by requirement, region and period so that pages are stable; paged in SQL.
     */
    public Page<OpenItem> openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > ComplianceSource.MAX_OPEN_ITEMS_PAGE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + ComplianceSource.MAX_OPEN_ITEMS_PAGE);
        }
        OpenItems open = openItems(asOf, dueFrom, dueTo);
        if (open.all() == null) {
            return new Page<>(List.of(), page, size, 0);
        }
        List<OpenItem> items = db.list(Sql.of(":ordered LIMIT :size OFFSET :offset").bind("ordered", open.ordered())
                .bind("size", size).bind("offset", Page.offset(page, size)), open.reader());
        long total = Page.total(page, size, items.size(), () -> db.count(Sql.of("SELECT COUNT(*) FROM (:open) o")
                .bind("open", open.all())));
        return new Page<>(items, page, size, total);
    }

    /**
     * Every open item of {@link #openItems} in one statement, handed to {@code parts} as the database sends them (at most
     * {@link Database#CHUNK} at a time, in the pages' order), never all held at once: the reminder job's own service
     * reads its items so (issue #29). Answers how many.
     */
    public long eachOpenItem(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo, Consumer<List<OpenItem>> parts) {
        OpenItems open = openItems(asOf, dueFrom, dueTo);
        return open.all() == null ? 0 : db.each(open.ordered(), open.reader(), parts);
    }

    /** Every open item of {@link #openItems} at once. */
    public List<OpenItem> allOpenItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo) {
        List<OpenItem> all = new ArrayList<>();
        eachOpenItem(asOf, dueFrom, dueTo, all::addAll);
        return all;
    }

    /** The open items' statement ({@code all} null when no requirement has rows), in order, and how a row is read. */
    private record OpenItems(Sql all, Sql ordered, Database.RowReader<OpenItem> reader) {
    }

    private OpenItems openItems(LocalDate asOf, LocalDate dueFrom, LocalDate dueTo) {
        LocalDate day = Clocks.asOfOrToday(asOf, clock);
        LocalDate from = dueFrom != null ? dueFrom : day.minusDays(DEFAULT_WINDOW_DAYS);
        LocalDate to = dueTo != null ? dueTo : day.plusDays(DEFAULT_WINDOW_DAYS);
        if (to.isBefore(from) || to.getYear() - from.getYear() >= MAX_OPEN_ITEM_YEARS) {
            throw ProblemException.badRequest("dueTo", "must be on or after dueFrom and at most "
                    + MAX_OPEN_ITEM_YEARS + " years later");
        }
        Catalog at = catalog.current();
        Map<String, Requirement> byId = new LinkedHashMap<>();
        List<Sql> selects = new ArrayList<>();
        for (Requirement r : at.all()) {
            byId.put(r.id(), r);
            // with the numbers: a NON_COMPLIANT item carries its expected and actual (a rectification keeps them)
            for (Sql rows : verdicts.rows(at, r, new DueBetween(from, to), day, Sql.of("TRUE"), RegionCode.COUNTRY, true)) {
                selects.add(Sql.of("SELECT :id AS requirement_id, 0 AS ord, x.* FROM (:rows) x"
                        + " WHERE x.status IN ('PENDING', 'NON_COMPLIANT') AND x.due_date BETWEEN :from AND :to")
                        .bind("id", r.id()).bind("rows", rows).bind("from", Verdicts.date(from)).bind("to", Verdicts.date(to)));
            }
        }
        if (selects.isEmpty()) {
            return new OpenItems(null, null, null);
        }
        Sql open = Sql.join(" UNION ALL ", selects);
        return new OpenItems(open, Sql.of("SELECT * FROM (:open) o ORDER BY o.requirement_id, o.code, o.period_start")
                .bind("open", open), rs -> {
                    Requirement r = byId.get(rs.getString("requirement_id"));
                    String code = rs.getString("code");
                    ItemRow row = ItemRow.read(rs);
                    ItemOwner owner = at.owner(r.id(), code);
                    RuleType.Texts judged = row.status() == ComplianceStatus.NON_COMPLIANT
                            ? texts(at, r, code, day.getYear(), row) : null;
                    return new OpenItem(r.id(), title(r), code, row.name(), row.start(), row.end(), row.due(),
                            row.status(), owner, judged == null ? null : judged.expected(),
                            judged == null ? null : judged.actual());
                });
    }

    /**
     * The rows of the follow-up list over {@code root}'s subtree that {@code filter} admits (API.md, "Follow-up list and
     * readable answers"): every requirement's verdict rows over the subtree in one statement, filtered, ordered by region
     * code, requirement id and period start and cut after {@code after} in SQL, at most {@code limit}; each row's texts
     * and evidence as a region's items have them. {@code count} (a page): the total of the matching rows too; else (a
     * slice of a list read whole) the subtree is read {@code luoshi.rules.follow-up-window} regions or more at a time, in code
     * order, until the slice is full, so that reading a whole list evaluates each region once.
     */
    public ServiceFollowUp followUp(String root, int year, LocalDate asOf, FollowUpFilter filter, FollowUpKey after,
            int limit, boolean count) {
        if (limit < 1 || limit > ComplianceSource.MAX_FOLLOW_UP_ROWS) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + ComplianceSource.MAX_FOLLOW_UP_ROWS);
        }
        Question q = question(year, asOf);
        if (!RegionCode.isCountry(root)) {
            regionName(root);                              // an unknown region is a 404, as for its items
        }
        Catalog at = catalog.current();
        // the list's order is the ids' order in Java (FollowUpItem.ORDER), whatever the database's collation
        List<Requirement> reqs = at.all().stream().filter(r -> filter.requirementId() == null
                || r.id().equals(filter.requirementId())).sorted(Comparator.comparing(Requirement::id)).toList();
        Sql subtree = Verdicts.subtreeOf(root);
        if (filter.level() != null) {
            subtree = Sql.of(":where AND g.level = :level").bind("where", subtree).bind("level", filter.level());
        }
        List<String> statuses = (filter.statuses().isEmpty() ? EnumSet.allOf(ComplianceStatus.class) : filter.statuses())
                .stream().map(Enum::name).toList();
        Sql cut = Sql.of("TRUE");
        if (after != null) {
            List<String> ids = reqs.stream().map(Requirement::id).toList();
            int same = ids.indexOf(after.requirementId());
            int later = (int) ids.stream().filter(id -> id.compareTo(after.requirementId()) <= 0).count();
            cut = Sql.of("(i.code > :code OR i.code = :code AND (i.ord >= :later OR i.ord = :same AND i.period_start > :period))")
                    .bind("code", after.regionCode()).bind("later", later).bind("same", same)
                    .bind("period", Verdicts.date(after.periodStart()));
        }
        String from = after == null ? null : after.regionCode();
        List<CodedRow> rows = new ArrayList<>();
        Sql all = null;
        if (count) {
            // a page: the rows and the total over the whole subtree, one statement each
            all = verdictRows(at, reqs, q, statuses, fromOn(subtree, from), root);
            if (all == null) {
                return new ServiceFollowUp(List.of(), 0L, warnings());
            }
            rows.addAll(slice(all, cut, limit));
        } else {
            // a slice of a list read whole (an export, a report): the subtree a window of regions at a time in code
            // order, so that each slice evaluates the regions it reads and the next ones, not every region after the
            // cursor (the whole country's list would evaluate the country once per slice)
            int window = Math.max(followUpWindow, limit / Math.max(1, reqs.size()));
            while (rows.size() < limit) {
                Sql range = fromOn(subtree, from);
                Optional<String> to = db.one(Sql.of("SELECT g.code FROM :regions WHERE :where ORDER BY g.code"
                        + " LIMIT 1 OFFSET :window").bind("regions", Verdicts.REGIONS).bind("where", range)
                        .bind("window", window), rs -> rs.getString(1));
                if (to.isPresent()) {
                    range = Sql.of(":where AND g.code < :to").bind("where", range).bind("to", to.get());
                }
                Sql rowsOfWindow = verdictRows(at, reqs, q, statuses, range, root);
                if (rowsOfWindow == null) {
                    break;
                }
                rows.addAll(slice(rowsOfWindow, cut, limit - rows.size()));
                if (to.isEmpty()) {
                    break;
                }
                from = to.get();
            }
        }
        Items judged = new Items();
        for (CodedRow c : rows) {
            item(at, reqs.get(c.row().ord()), c.code(), q.year(), c.row(), judged);
        }
        List<ComplianceItem> withEvidence = judged.withEvidence();   // each type's evidence of the page at once
        List<FollowUpItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            items.add(FollowUpItem.of(rows.get(i).code(), rows.get(i).row().name(), withEvidence.get(i)));
        }
        Long total = count ? Long.valueOf(db.count(Sql.of("SELECT COUNT(*) FROM (:all) i").bind("all", all))) : null;
        return new ServiceFollowUp(items, total, warnings());
    }

    /** The regions {@code subtree} admits from the code {@code from} on (null: all of them). */
    private static Sql fromOn(Sql subtree, String from) {
        return from == null ? subtree : Sql.of(":where AND g.code >= :from").bind("where", subtree).bind("from", from);
    }

    /** Every requirement's verdict rows over the regions {@code where} admits, of {@code statuses}; null when none. */
    private Sql verdictRows(Catalog at, List<Requirement> reqs, Question q, List<String> statuses, Sql where,
            String root) {
        List<Sql> selects = new ArrayList<>();
        for (int i = 0; i < reqs.size(); i++) {
            for (Sql rows : verdicts.rows(at, reqs.get(i), new InYear(q.year()), q.day(), where, root, true)) {
                selects.add(Sql.of("SELECT :ord AS ord, x.* FROM (:rows) x WHERE x.status IN (:statuses)")
                        .bind("ord", i).bind("rows", rows).bind("statuses", statuses));
            }
        }
        return selects.isEmpty() ? null : Sql.join(" UNION ALL ", selects);
    }

    /** At most {@code limit} of {@code all}'s rows after {@code cut}, in the list's order. */
    private List<CodedRow> slice(Sql all, Sql cut, int limit) {
        Sql page = Sql.of("SELECT * FROM (:all) i WHERE :cut ORDER BY i.code, i.ord, i.period_start LIMIT :limit")
                .bind("all", all).bind("cut", cut).bind("limit", limit);
        return db.list(page, rs -> new CodedRow(rs.getString("code"), ItemRow.read(rs)));
    }

    private record CodedRow(String code, ItemRow row) {
    }

    /** The key of a row of the follow-up list, after which the next rows are asked for. */
    public record FollowUpKey(String regionCode, String requirementId, LocalDate periodStart) {
    }

    /** A reminder names the requirement as the policy does, in Chinese; the English title when there is none. */
    private static String title(Requirement r) {
        return r.titleZh() != null && !r.titleZh().isBlank() ? r.titleZh() : r.title();
    }

    private String regionName(String regionCode) {
        return db.one(Sql.of("SELECT name FROM region WHERE code = :code").bind("code", regionCode), rs -> rs.getString(1))
                .orElseThrow(() -> ProblemException.notFound("No region " + regionCode + " in this service's regions"));
    }

    private List<String> warnings() {
        return warnings.isResolvable() ? warnings.get().warnings() : List.of();
    }

    /** A question's year and evaluation date: year 0 is asOf's, asOf defaults to today on the clock. */
    private record Question(int year, LocalDate day) {
    }

    private Question question(int year, LocalDate asOf) {
        LocalDate day = Clocks.asOfOrToday(asOf, clock);
        if (year != 0 && (year < FIRST_YEAR || year > LAST_YEAR)) {
            throw ProblemException.badRequest("year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return new Question(year == 0 ? day.getYear() : year, day);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
