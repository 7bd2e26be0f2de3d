package luoshi.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionCode;
import luoshi.db.Sql;

/**
 * The one SQL shape of every verdict (REQUIREMENTS.md, Statuses): for a requirement, each of its periods and every
 * region {@code g} of a query, one row {@code (code, name, period_start, period_end, due_date, status)}, with the
 * rule type's numbers ({@code actual, expected, base}) when asked for. The status is decided here, once, for every
 * rule type:
 * <pre>
 *   NOT_APPLICABLE  the region is not of the requirement's levels, lies outside the issuer's subtree, or no value of
 *                   the type's threshold is in force for it
 *   NO_DATA         a TERM requirement and no committee term; or the rule type's noData
 *   COMPLIANT       actual ≥ expected
 *   PENDING         not met and due on or after asOf            (never for a STATE requirement)
 *   NON_COMPLIANT   not met and due before asOf; a STATE not met on its evaluation date
 * </pre>
 * A region's items, a subtree's rollup and the reminder job's open items are all read from these rows, so they agree.
 */
@ApplicationScoped
public class Verdicts {

    /** Which periods a question covers: those of a calendar year, or those due in a window (the reminder job's). */
    public sealed interface Window permits InYear, DueBetween {
    }

    public record InYear(int year) implements Window {
    }

    public record DueBetween(LocalDate from, LocalDate to) implements Window {
    }

    /** One period of a requirement, cut for a window: the rule's view and the framework's columns. */
    private record Cut(Period period, Sql start, Sql end, Sql due, Sql termJoin, Sql notMet) {
    }

    private final Map<String, RuleType> types = new HashMap<>();
    private final Instance<TermSource> terms;

    Verdicts(Instance<RuleType> types, Instance<TermSource> terms) {
        types.forEach(t -> this.types.put(t.name(), t));
        this.terms = terms;
    }

    public RuleType typeOf(Requirement r) {
        RuleType type = types.get(r.rule().path("type").asText());
        if (type == null) {
            throw new IllegalStateException("no rule type " + r.rule().path("type").asText() + " for " + r.id());
        }
        return type;
    }

    /**
     * The rows of {@code r} for the regions {@code g} matching {@code where}, one statement per period the window
     * covers; {@code root} is the region whose subtree the query covers (to narrow the facts read); {@code numbers}
     * adds the columns {@code actual, expected, base}.
     */
    public List<Sql> rows(Catalog catalog, Requirement r, Window window, LocalDate asOf, Sql where, String root,
            boolean numbers) {
        return rows(catalog, r, window, asOf, REGIONS, where, root, numbers);
    }

    /** The service's regions ({@code region}, org-service's own table or the read copy), as {@code g}. */
    static final Sql REGIONS = Sql.of("region g");

    /**
     * The country (000000) as the one region {@code g} of a query: it is of no level, so every requirement is
     * NOT_APPLICABLE to it (API.md: 000000 works wherever a region code is read).
     */
    static Sql country(String name) {
        return Sql.of("(SELECT :code AS code, :name AS name, '' AS level, NULL AS parent_code) g")
                .bind("code", RegionCode.COUNTRY).bind("name", name);
    }

    /** As {@link #rows(Catalog, Requirement, Window, LocalDate, Sql, String, boolean)}, over {@code regions} as {@code g}. */
    List<Sql> rows(Catalog catalog, Requirement r, Window window, LocalDate asOf, Sql regions, Sql where, String root,
            boolean numbers) {
        RuleType type = typeOf(r);
        Sql applies = Sql.of("g.level IN (:levels) AND g.code LIKE :issuer").bind("levels", r.levels())
                .bind("issuer", RegionCode.subtreePattern(r.issuerRegionCode()));
        Sql threshold = type.threshold() == null ? null : catalog.parameterSql(r, type.threshold(), "g.code");
        Sql facts = Sql.of(":pattern").bind("pattern", Subtrees.factsPattern(root, r.issuerRegionCode()));
        List<Sql> out = new ArrayList<>();
        boolean nowhere = type.threshold() != null && !catalog.anyValue(r, type.threshold());
        for (Cut cut : cuts(r, window, asOf, applies)) {
            if (nowhere) {
                // no value in force anywhere (the seeds leave it to the jurisdictions): every region is NOT_APPLICABLE,
                // and no fact needs reading (benchmarks/: a national rollup read every leader for FRONTLINE_SHARE)
                out.add(Sql.of("SELECT g.code AS code, g.name AS name, :start AS period_start, :end AS period_end,"
                        + " :due AS due_date, 'NOT_APPLICABLE' AS status"
                        + (numbers ? ", NULL AS actual, NULL AS expected, NULL AS base" : "")
                        + " FROM :regions :termJoin WHERE :where").bind("regions", regions)
                        .bind("start", cut.start()).bind("end", cut.end()).bind("due", cut.due())
                        .bind("termJoin", cut.termJoin() == null ? Measure.NO_JOINS : cut.termJoin()).bind("where", where));
                continue;
            }
            Measure m = type.measure(new RuleQuery(r, r.rule(), threshold == null ? Sql.of("NULL") : threshold,
                    cut.period(), facts));
            StringBuilder status = new StringBuilder("CASE WHEN NOT (:applies)");
            if (threshold != null) {
                status.append(" OR (:threshold) IS NULL");
            }
            status.append(" THEN 'NOT_APPLICABLE'");
            if (cut.termJoin() != null) {
                status.append(" WHEN t.id IS NULL THEN 'NO_DATA'");   // REQUIREMENTS.md: no committee term
            }
            status.append(" WHEN :noData THEN 'NO_DATA' WHEN (:actual) >= (:expected) THEN 'COMPLIANT' ELSE :notMet END");
            Sql statusSql = Sql.of(status.toString()).bind("applies", applies).bind("noData", m.noData())
                    .bind("actual", m.actual()).bind("expected", m.expected()).bind("notMet", cut.notMet());
            if (threshold != null) {
                statusSql = statusSql.bind("threshold", threshold);
            }
            Sql select = Sql.of("SELECT g.code AS code, g.name AS name, :start AS period_start, :end AS period_end,"
                    + " :due AS due_date, :status AS status"
                    + (numbers ? ", :actual AS actual, :expected AS expected, :base AS base" : "")
                    + " FROM :regions :termJoin :joins WHERE :where").bind("regions", regions)
                    .bind("start", cut.start()).bind("end", cut.end()).bind("due", cut.due()).bind("status", statusSql)
                    .bind("termJoin", cut.termJoin() == null ? Measure.NO_JOINS : cut.termJoin())
                    .bind("joins", m.joins()).bind("where", where);
            if (numbers) {
                select = select.bind("actual", m.actual()).bind("expected", m.expected()).bind("base", m.base());
            }
            out.add(select);
        }
        return out;
    }

    /** The periods of {@code r} in the window, evaluated on {@code asOf} (see {@link Period}). */
    private List<Cut> cuts(Requirement r, Window window, LocalDate asOf, Sql applies) {
        return switch (r.period()) {
            case YEAR -> years(window).stream().map(y -> {
                LocalDate end = LocalDate.of(y, 12, 31);
                return fixed(RequirementPeriod.YEAR, y, LocalDate.of(y, 1, 1), end, end, min(end, asOf), asOf);
            }).toList();
            case STATE -> {
                // evaluated on asOf, or on 12-31 of a past year; in a window: asOf's year, when asOf lies in it
                List<Integer> years = window instanceof InYear in ? List.of(in.year())
                        : inWindow(window, asOf) ? List.of(asOf.getYear()) : List.of();
                yield years.stream().map(y -> {
                    LocalDate on = min(LocalDate.of(y, 12, 31), asOf);
                    return fixed(RequirementPeriod.STATE, y, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), on, on, asOf);
                }).toList();
            }
            case ONCE -> window instanceof InYear || inWindow(window, r.dueDate())
                    ? List.of(fixed(RequirementPeriod.ONCE, r.dueDate().getYear(), r.dueDate(), r.dueDate(), r.dueDate(),
                            asOf, asOf))
                    : List.of();
            case TERM -> List.of(term(window, asOf, applies));
        };
    }

    private static Cut fixed(RequirementPeriod kind, int year, LocalDate start, LocalDate end, LocalDate due,
            LocalDate knownOn, LocalDate asOf) {
        ComplianceStatus notMet = kind == RequirementPeriod.STATE ? ComplianceStatus.NON_COMPLIANT
                : ComplianceStatus.decide(false, due, asOf);
        return new Cut(new Period(kind, year, date(start), date(end), date(knownOn)), date(start), date(end), date(due),
                null, Sql.of(":status").bind("status", notMet));
    }

    /** Each committee term in the window (overlapping the year, or ending in the window), or one NO_DATA row. */
    private Cut term(Window window, LocalDate asOf, Sql applies) {
        if (!terms.isResolvable()) {
            throw new IllegalStateException("a TERM requirement needs the committee terms of this service (a TermSource)");
        }
        LocalDate from = window instanceof InYear in ? LocalDate.of(in.year(), 1, 1) : ((DueBetween) window).from();
        LocalDate to = window instanceof InYear in ? LocalDate.of(in.year(), 12, 31) : ((DueBetween) window).to();
        Sql inScope = window instanceof InYear
                ? Sql.of("t.start_date <= :to AND t.end_date >= :from")
                : Sql.of("t.end_date BETWEEN :from AND :to");
        Sql join = Sql.of("LEFT JOIN (:terms) t ON t.region_code = g.code AND :applies AND :inScope")
                .bind("terms", terms.get().terms()).bind("applies", applies)
                .bind("inScope", inScope.bind("from", date(from)).bind("to", date(to)));
        Period period = new Period(RequirementPeriod.TERM, 0, Sql.of("t.start_date"), Sql.of("t.end_date"),
                Sql.of("LEAST(t.end_date, :asOf)").bind("asOf", date(asOf)));
        return new Cut(period, Sql.of("COALESCE(t.start_date, :from)").bind("from", date(from)),
                Sql.of("COALESCE(t.end_date, :to)").bind("to", date(to)), Sql.of("t.end_date"), join,
                Sql.of("CASE WHEN t.end_date < :asOf THEN 'NON_COMPLIANT' ELSE 'PENDING' END").bind("asOf", date(asOf)));
    }

    /** The calendar years of the window: the year itself, or those due (12-31) inside the window. */
    private static List<Integer> years(Window window) {
        if (window instanceof InYear in) {
            return List.of(in.year());
        }
        DueBetween w = (DueBetween) window;
        return IntStream.rangeClosed(w.from().getYear(), w.to().getYear())
                .filter(y -> inWindow(w, LocalDate.of(y, 12, 31))).boxed().toList();
    }

    private static boolean inWindow(Window window, LocalDate day) {
        return window instanceof DueBetween w && day != null && !day.isBefore(w.from()) && !day.isAfter(w.to());
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A bound date, typed as a DATE in the statement. */
    static Sql date(LocalDate day) {
        return Sql.of("CAST(:day AS DATE)").bind("day", day);
    }
}
