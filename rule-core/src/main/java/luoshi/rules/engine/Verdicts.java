package luoshi.rules.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionCode;
import luoshi.db.Sql;
import luoshi.rules.catalog.Catalog;
import luoshi.rules.catalog.TypedRule;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.Period;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.TermSource;

/**
 * The one SQL shape of every verdict (REQUIREMENTS.md, Statuses): for a requirement, each of its periods and every
 * region {@code g} of a query, one row {@code (code, name, period_start, period_end, due_date, status)}, with the
 * rule type's numbers ({@code actual, expected, base}) when asked for. The status is decided here, once, for every
 * rule type:
 * <pre>
 *   NOT_APPLICABLE  the region is not of the requirement's levels, lies outside the issuer's subtree, or no value of
 *                   the type's threshold is in force for it
 *   NO_DATA         a TERM requirement and no committee term; or the rule type's noData
 *   COMPLIANT       actual meets expected by the type's comparison (actual ≥ expected, unless the type says otherwise)
 *   PENDING         not met and due on or after asOf            (never for a STATE requirement)
 *   NON_COMPLIANT   not met and due before asOf; a STATE not met on its evaluation date
 * </pre>
 * A region's items, a subtree's rollup and the reminder job's open items are all read from these rows, so they agree.
 *
 * <p>The statement's aliases are the ones {@link RuleQuery} names ({@code g} the region row, {@code t} a committee
 * term, {@code w} a waiver), written here and nowhere else: a rule type reaches the region row through
 * {@link RuleQuery#regionCode()}, and a caller names regions through {@link #regionIs} and {@link #subtreeOf}.
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

    /**
     * One period of a requirement, cut for a window: the rule's view ({@code period}) and the framework's columns
     * ({@code knownOn}: the day the item's facts are known on, the same value as {@code period.knownOn()} save that a
     * TERM row without a term has one too).
     */
    private record Cut(Period period, Sql start, Sql end, Sql due, Sql knownOn, LocalDate dueDay, Sql termJoin,
            Sql notMet) {
    }

    private final Instance<TermSource> terms;

    Verdicts(Instance<TermSource> terms) {
        this.terms = terms;
    }

    /**
     * The rows of {@code r} for the regions {@code g} matching {@code where}, one statement per period the window
     * covers (and, for TERM, per span of versions); {@code root} is the region whose subtree the query covers (to
     * narrow the facts read); {@code numbers} adds the columns {@code actual, expected, base} and {@code known_on}
     * (the day the item's facts are known on), and {@code reason} (why the row is NOT_APPLICABLE or NO_DATA: an
     * {@code ItemReason}'s name; NULL for a verdict on the facts). Every row also has the number of the version that judged it
     * ({@code version}, NULL when none was in force) and the id of the waiver that excused it ({@code waiver_id}).
     */
    public List<Sql> rows(Catalog catalog, Requirement r, Window window, LocalDate asOf, Sql where, String root,
            boolean numbers) {
        return rows(catalog, r, window, asOf, REGIONS, where, root, numbers);
    }

    /** The service's regions ({@code region}, org-service's own table or the read copy), as {@code g}. */
    static final Sql REGIONS = Sql.of("region " + RuleQuery.REGION);

    /** The region {@code g} whose code is {@code code}: a region's items. */
    static Sql regionIs(String code) {
        return Sql.of("g.code = :code").bind("code", code);
    }

    /** The regions {@code g} of {@code root}'s subtree, root included: a rollup. */
    static Sql subtreeOf(String root) {
        return Sql.of("g.code LIKE :scope").bind("scope", RegionCode.subtreePattern(root));
    }

    /**
     * The country (000000) as the one region {@code g} of a query: it is of no level, so every requirement is
     * NOT_APPLICABLE to it (API.md: 000000 works wherever a region code is read).
     */
    static Sql country(String name) {
        return Sql.of("(SELECT :code AS code, :name AS name, '' AS level, NULL AS parent_code) " + RuleQuery.REGION)
                .bind("code", RegionCode.COUNTRY).bind("name", name);
    }

    /** As {@link #rows(Catalog, Requirement, Window, LocalDate, Sql, String, boolean)}, over {@code regions} as {@code g}. */
    List<Sql> rows(Catalog catalog, Requirement r, Window window, LocalDate asOf, Sql regions, Sql where, String root,
            boolean numbers) {
        List<Sql> out = new ArrayList<>();
        if (r.period() == RequirementPeriod.TERM) {
            // a term is judged by the version in force on its end: one statement per span, each taking the terms that
            // end inside it; the row of a region without a term goes to the span holding the window's last day
            List<Catalog.Span> spans = catalog.spans(r.id());
            LocalDate last = window instanceof InYear in ? LocalDate.of(in.year(), 12, 31) : ((DueBetween) window).to();
            List<Sql> versions = spans.stream().filter(s -> s.requirement() != null)
                    .map(s -> Sql.of("(:applies)").bind("applies", applies(s.requirement()))).toList();
            Sql anyVersion = versions.isEmpty() ? Sql.of("FALSE") : Sql.join(" OR ", versions);
            for (Catalog.Span span : spans) {
                Sql inSpan = spans.size() == 1 ? null : Sql.of("(t.id IS NULL AND :holdsLast OR :endsInside)")
                        .bind("holdsLast", Sql.of(span.contains(last) ? "TRUE" : "FALSE"))
                        .bind("endsInside", between("t.end_date", span.from(), span.to()));
                Cut cut = term(window, asOf, spans.size() == 1 && span.requirement() != null ? applies(span.requirement())
                        : Sql.of("(:any)").bind("any", anyVersion));
                out.add(row(catalog, r.id(), span.requirement(), span.day(), cut, asOf, regions, where, inSpan, root, numbers));
            }
            return out;
        }
        for (Cut cut : cuts(r, window, asOf)) {
            Catalog.Span span = catalog.spanOn(r.id(), cut.dueDay());
            out.add(row(catalog, r.id(), span.requirement(), cut.dueDay(), cut, asOf, regions, where, null, root, numbers));
        }
        return out;
    }

    /**
     * The one row SELECT: {@code v} is the version that judges the cut (null: none is in force, every region
     * NOT_APPLICABLE), {@code day} the day its settings are read on.
     */
    private Sql row(Catalog catalog, String id, Requirement v, LocalDate day, Cut cut, LocalDate asOf, Sql regions,
            Sql where, Sql inSpan, String root, boolean numbers) {
        TypedRule<?> rule = v == null ? null : catalog.rule(v).orElse(null);
        String thresholdName = rule == null ? null : rule.type().threshold();
        // no version, a rule no type here reads, or no value of the threshold in force anywhere (the seeds leave it to
        // the jurisdictions): every region is NOT_APPLICABLE and no fact needs reading (benchmarks/: a national rollup
        // read every leader for FRONTLINE_SHARE)
        boolean nowhere = rule == null || thresholdName != null && !catalog.parameters().anyValue(v, thresholdName, day);
        Sql status;
        Sql joins = Measure.NO_JOINS;
        Sql waiver = Sql.of("NULL");
        Sql actual = Sql.of("NULL");
        Sql expected = Sql.of("NULL");
        Sql base = Sql.of("NULL");
        // why an item is NOT_APPLICABLE or NO_DATA (API.md, "Follow-up list and readable answers"), decided by the same
        // conditions in the same order as its status; NULL for the other statuses
        Sql reason;
        if (nowhere) {
            status = Sql.of("'NOT_APPLICABLE'");
            reason = Sql.of(rule == null ? "'LEVEL'" : "'NO_THRESHOLD'");   // no version in force: it applies to no level
        } else {
            Sql applies = applies(v);
            Sql threshold = thresholdName == null ? null : catalog.parameters().valueSql(v, thresholdName, "g.code", day);
            Sql facts = Sql.of(":pattern").bind("pattern", Subtrees.factsPattern(root, v.issuerRegionCode()));
            Measure m = measure(rule, v, threshold == null ? Sql.of("NULL") : threshold, cut.period(), facts);
            joins = m.joins();
            actual = m.actual();
            expected = m.expected();
            base = m.base();
            StringBuilder text = new StringBuilder("CASE WHEN NOT (:applies)");
            StringBuilder why = new StringBuilder("CASE WHEN NOT (:applies) THEN CASE WHEN NOT (:levels) THEN 'LEVEL'"
                    + " ELSE 'OUTSIDE_ISSUER' END");
            if (threshold != null) {
                text.append(" OR (:threshold) IS NULL");
                why.append(" WHEN (:threshold) IS NULL THEN 'NO_THRESHOLD'");
            }
            text.append(" THEN 'NOT_APPLICABLE'");
            if (catalog.hasWaivers(id)) {
                // a waiver in force on the item's evaluation date (its due date, or asOf while the period runs)
                joins = Sql.of(":joins LEFT JOIN requirement_waiver w ON w.requirement_id = :id AND w.region_code = g.code"
                        + " AND w.revoked_at IS NULL AND LEAST(:due, :asOf) BETWEEN w.valid_from AND w.valid_to")
                        .bind("joins", joins).bind("id", id).bind("due", cut.due()).bind("asOf", date(asOf));
                waiver = Sql.of("w.id");
                text.append(" WHEN w.id IS NOT NULL THEN 'NOT_APPLICABLE'");
                why.append(" WHEN w.id IS NOT NULL THEN 'WAIVED'");
            }
            if (cut.termJoin() != null) {
                text.append(" WHEN t.id IS NULL THEN 'NO_DATA'");   // REQUIREMENTS.md: no committee term
                why.append(" WHEN t.id IS NULL THEN 'NO_TERM'");
            }
            text.append(" WHEN :noData THEN 'NO_DATA' WHEN :met THEN 'COMPLIANT' ELSE :notMet END");
            why.append(" WHEN :noData THEN 'NO_FACTS' END");
            reason = Sql.of(why.toString()).bind("applies", applies).bind("levels", levels(v)).bind("noData", m.noData());
            if (threshold != null) {
                reason = reason.bind("threshold", threshold);
            }
            status = Sql.of(text.toString()).bind("applies", applies).bind("noData", m.noData())
                    .bind("met", rule.type().comparison().met(m.actual(), m.expected())).bind("notMet", cut.notMet());
            if (threshold != null) {
                status = status.bind("threshold", threshold);
            }
        }
        Sql select = Sql.of("SELECT g.code AS code, g.name AS name, :start AS period_start, :end AS period_end,"
                + " :due AS due_date, :status AS status, :version AS version, :waiver AS waiver_id"
                + (numbers ? ", :actual AS actual, :expected AS expected, :base AS base, :knownOn AS known_on,"
                        + " :reason AS reason" : "")
                + " FROM :regions :termJoin :joins WHERE :where" + (inSpan == null ? "" : " AND :inSpan"))
                .bind("regions", regions).bind("start", cut.start()).bind("end", cut.end()).bind("due", cut.due())
                .bind("status", status).bind("version", v == null ? null : v.version()).bind("waiver", waiver)
                .bind("termJoin", cut.termJoin() == null ? Measure.NO_JOINS : cut.termJoin())
                .bind("joins", joins).bind("where", where);
        if (inSpan != null) {
            select = select.bind("inSpan", inSpan);
        }
        if (numbers) {
            select = select.bind("actual", actual).bind("expected", expected).bind("base", base)
                    .bind("knownOn", cut.knownOn()).bind("reason", reason);
        }
        return select;
    }

    /** The type's numbers for version {@code v}, from the parameters it parsed. */
    private static <P> Measure measure(TypedRule<P> rule, Requirement v, Sql threshold, Period period, Sql facts) {
        return rule.type().measure(new RuleQuery<>(v, rule.parameters(), threshold, period, facts));
    }

    /** The regions a version applies to: of its levels, inside its issuer's subtree. */
    private static Sql applies(Requirement v) {
        return Sql.of(":levels AND g.code LIKE :issuer").bind("levels", levels(v))
                .bind("issuer", RegionCode.subtreePattern(v.issuerRegionCode()));
    }

    /** The regions of a version's levels. */
    private static Sql levels(Requirement v) {
        return Sql.of("g.level IN (:levels)").bind("levels", v.levels());
    }

    /** {@code column} between two days, either unbounded when null. */
    private static Sql between(String column, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return Sql.of("TRUE");
        }
        if (from == null) {
            return Sql.of(column + " <= :to").bind("to", date(to));
        }
        if (to == null) {
            return Sql.of(column + " >= :from").bind("from", date(from));
        }
        return Sql.of(column + " BETWEEN :from AND :to").bind("from", date(from)).bind("to", date(to));
    }

    /** The periods of {@code r} in the window other than TERM, evaluated on {@code asOf} (see {@link Period}). */
    private List<Cut> cuts(Requirement r, Window window, LocalDate asOf) {
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
            case TERM -> throw new IllegalArgumentException("TERM periods are cut per span");
        };
    }

    private static Cut fixed(RequirementPeriod kind, int year, LocalDate start, LocalDate end, LocalDate due,
            LocalDate knownOn, LocalDate asOf) {
        ComplianceStatus notMet = kind == RequirementPeriod.STATE ? ComplianceStatus.NON_COMPLIANT
                : ComplianceStatus.decide(false, due, asOf);
        return new Cut(new Period(kind, year, date(start), date(end), date(knownOn)), date(start), date(end), date(due),
                date(knownOn), due, null, Sql.of(":status").bind("status", notMet));
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
                Sql.of("COALESCE(t.end_date, :to)").bind("to", date(to)), Sql.of("t.end_date"),
                Sql.of("LEAST(COALESCE(t.end_date, :to), :asOf)").bind("to", date(to)).bind("asOf", date(asOf)), null, join,
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
