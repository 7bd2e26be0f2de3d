package luoshi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The baselines: for each measured answer, ONE hand-written SQL statement over the services' schemas on the same
 * MariaDB server that computes the same answer — what the database alone needs. One SELECT branch per requirement
 * of the catalog (read through the API, so that the requirements the harness adds are included), each a template
 * per rule type written here from REQUIREMENTS.md, not from the services' code: the funding branches read
 * funding-service's schema and its copy of the regions, the meeting branches review-service's, the leadership
 * branches org-service's. Jurisdiction parameters are not applied (the benchmark sets none).
 *
 * <p>Every branch gives {@code code, name, req, title, period_start, period_end, due_date, status, actual}.
 */
final class RawSql {

    static final String ORG = "luoshi_org";
    static final String FUNDING = "luoshi_funding";
    static final String REVIEW = "luoshi_review";

    /** A requirement of the catalog, as GET /api/v1/requirements answers it. */
    record Requirement(String id, String title, String issuer, List<String> levels, String period, JsonNode rule, LocalDate due) {

        static Requirement of(JsonNode r) {
            List<String> levels = new ArrayList<>();
            r.path("levels").forEach(l -> levels.add(l.asText()));
            return new Requirement(r.path("id").asText(), r.path("titleZh").asText(), r.path("issuerRegionCode").asText(),
                    levels, r.path("period").asText(), r.path("rule"),
                    r.hasNonNull("dueDate") ? LocalDate.parse(r.path("dueDate").asText()) : null);
        }

        String type() {
            return rule.path("type").asText();
        }
    }

    /** Which regions: a subtree (a LIKE pattern) or one region (its code). */
    record Scope(String pattern, String code) {
        static Scope subtree(String root) {
            return new Scope(prefix(root) + "%", null);
        }

        static Scope region(String code) {
            return new Scope(null, code);
        }

        String on(String column) {
            return code != null ? column + " = '" + code + "'" : "%".equals(pattern) ? "TRUE" : column + " LIKE '" + pattern + "'";
        }
    }

    /** Which periods of a YEAR or TERM requirement: those of a calendar year, or those due in a window. */
    record Periods(int year, LocalDate dueFrom, LocalDate dueTo) {
        static Periods of(int year) {
            return new Periods(year, null, null);
        }

        static Periods dueBetween(LocalDate from, LocalDate to) {
            return new Periods(0, from, to);
        }

        boolean byDue() {
            return dueFrom != null;
        }

        List<Integer> years() {
            if (!byDue()) {
                return List.of(year);
            }
            List<Integer> years = new ArrayList<>();
            for (int y = dueFrom.getYear(); y <= dueTo.getYear(); y++) {
                LocalDate end = LocalDate.of(y, 12, 31);
                if (!end.isBefore(dueFrom) && !end.isAfter(dueTo)) {
                    years.add(y);
                }
            }
            return years;
        }
    }

    private final List<Requirement> catalog;

    RawSql(List<Requirement> catalog) {
        this.catalog = catalog;
    }

    /** The counts of the rollup of {@code root}: (child, child name, requirement, status, count); child = root for its own items. */
    String rollup(String root, int year, LocalDate asOf) {
        // each branch grouped on its own: grouping their union would first materialise every region's every status
        String grouped = selects(Scope.subtree(root), Periods.of(year), asOf).stream().map(b -> "SELECT "
                + childOf(root, "x.code") + " AS child, x.req, x.status, COUNT(*) AS n FROM (" + b + ") x GROUP BY 1, 2, 3")
                .collect(Collectors.joining(" UNION ALL "));
        return "SELECT y.child, c.name, y.req, y.status, y.n FROM (" + grouped + ") y LEFT JOIN " + ORG
                + ".region c ON c.code = y.child";
    }

    /** The items of one region: (requirement, status, period start, actual), with the region's name. */
    String items(String code, int year, LocalDate asOf) {
        return "SELECT x.req, x.status, x.period_start, x.actual, x.name FROM (" + branches(Scope.region(code), Periods.of(year), asOf)
                + ") x ORDER BY x.req, x.period_start";
    }

    /**
     * The reminders a first run of the job on {@code asOf} creates, stored with one INSERT … SELECT into
     * {@code table} (a copy of review-service's reminder table): every PENDING or NON_COMPLIANT item of the
     * country due in [asOf − window, asOf + the longest lead], each at the nearest stage it reached.
     */
    String reminders(String table, LocalDate asOf, List<Integer> leadDays, int windowDays) {
        List<Integer> leads = leadDays.stream().sorted().toList();
        LocalDate from = asOf.minusDays(windowDays);
        LocalDate to = asOf.plusDays(leads.get(leads.size() - 1));
        StringBuilder lead = new StringBuilder("CASE WHEN x.due_date < " + date(asOf) + " THEN 0");
        for (int l : leads) {
            lead.append(" WHEN DATEDIFF(x.due_date, ").append(date(asOf)).append(") <= ").append(l).append(" THEN ").append(l);
        }
        lead.append(" END");
        return "INSERT INTO " + table + " (id, requirement_id, requirement_title, region_code, region_name, period_start,"
                + " period_end, due_date, stage, lead_days, created_at) SELECT UUID(), x.req, x.title, x.code, x.name,"
                + " x.period_start, x.period_end, x.due_date, CASE WHEN x.due_date < " + date(asOf)
                + " THEN 'OVERDUE' ELSE 'UPCOMING' END, " + lead + ", NOW(3) FROM ("
                + branches(Scope.subtree("000000"), Periods.dueBetween(from, to), asOf) + ") x"
                + " WHERE x.status IN ('PENDING', 'NON_COMPLIANT') AND x.due_date BETWEEN " + date(from) + " AND " + date(to);
    }

    String branches(Scope scope, Periods periods, LocalDate asOf) {
        return String.join(" UNION ALL ", selects(scope, periods, asOf));
    }

    /** One SELECT per requirement (and year, for a YEAR requirement asked about several). */
    List<String> selects(Scope scope, Periods periods, LocalDate asOf) {
        List<String> selects = new ArrayList<>();
        for (Requirement r : catalog) {
            switch (r.period()) {
                case "YEAR" -> periods.years().forEach(y -> selects.add(year(r, y, scope, asOf)));
                case "TERM" -> selects.add(term(r, periods, scope, asOf));
                case "ONCE" -> {
                    if (!periods.byDue() || !r.due().isBefore(periods.dueFrom()) && !r.due().isAfter(periods.dueTo())) {
                        selects.add(document(r, scope, asOf));
                    }
                }
                // a STATE rule is evaluated on asOf, or on the year's last day for a past year; the job asks for asOf
                case "STATE" -> selects.add(state(r, periods.byDue() ? asOf.getYear() : periods.year(), scope, asOf));
                default -> throw new IllegalStateException("unknown period " + r.period() + " of " + r.id());
            }
        }
        return selects;
    }

    private String year(Requirement r, int year, Scope scope, LocalDate asOf) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        String notMet = end.isBefore(asOf) ? "'NON_COMPLIANT'" : "'PENDING'";
        String head = "SELECT g.code, g.name, " + text(r.id()) + " AS req, " + text(r.title()) + " AS title, " + date(start)
                + " AS period_start, " + date(end) + " AS period_end, " + date(end) + " AS due_date, ";
        return switch (r.type()) {
            case "FUNDING_MIN_AMOUNT" -> head + "CASE WHEN NOT " + applies(r) + " THEN 'NOT_APPLICABLE'"
                    + " WHEN COALESCE(f.total, 0) >= " + number(r, "minAmount") + " THEN 'COMPLIANT' ELSE " + notMet
                    + " END AS status, COALESCE(f.total, 0) AS actual FROM " + FUNDING + ".region g "
                    + fundingSum(r, year, scope) + " WHERE " + scope.on("g.code");
            case "FUNDING_PER_CAPITA" -> head + "CASE WHEN NOT " + applies(r) + " THEN 'NOT_APPLICABLE'"
                    + " WHEN p.region_code IS NULL THEN 'NO_DATA' WHEN COALESCE(f.total, 0) >= " + number(r, "perCapita")
                    + " * p.total THEN 'COMPLIANT' ELSE " + notMet + " END AS status, COALESCE(f.total, 0) AS actual FROM "
                    + FUNDING + ".region g " + fundingSum(r, year, scope) + " LEFT JOIN " + FUNDING
                    + ".population p ON p.region_code = g.code AND p.year = " + year + " WHERE " + scope.on("g.code");
            case "COLLECTION_RATE" -> head + "CASE WHEN NOT " + applies(r) + " THEN 'NOT_APPLICABLE'"
                    + " WHEN u.region_code IS NULL OR u.due = 0 THEN 'NO_DATA' WHEN u.collected >= " + number(r, "minRate")
                    + " * u.due THEN 'COMPLIANT' ELSE " + notMet + " END AS status, u.collected AS actual FROM " + FUNDING
                    + ".region g LEFT JOIN " + FUNDING + ".union_fee u ON u.region_code = g.code AND u.year = " + year
                    + " WHERE " + scope.on("g.code");
            case "MEETING_COUNT" -> {
                LocalDate countTo = end.isBefore(asOf) ? end : asOf;   // the meetings held by asOf
                yield head + "CASE WHEN NOT " + applies(r) + " THEN 'NOT_APPLICABLE' WHEN COALESCE(m.n, 0) >= "
                        + number(r, "min") + " THEN 'COMPLIANT' ELSE " + notMet + " END AS status, COALESCE(m.n, 0) AS actual"
                        + " FROM " + REVIEW + ".region g LEFT JOIN (SELECT region_code, COUNT(*) AS n FROM " + REVIEW
                        + ".meeting WHERE type = " + text(r.rule().path("meetingType").asText()) + " AND meeting_date BETWEEN "
                        + date(start) + " AND " + date(countTo) + " AND " + scope.on("region_code")
                        + " GROUP BY region_code) m ON m.region_code = g.code WHERE " + scope.on("g.code");
            }
            // Σ satisfied ≥ minShare × Σ respondents of the year's assessments of the subject (the seeds set no minShare)
            case "SATISFACTION_RATE" -> {
                if (!r.rule().hasNonNull("minShare")) {
                    yield head + "'NOT_APPLICABLE' AS status, NULL AS actual FROM " + REVIEW + ".region g WHERE "
                            + scope.on("g.code");
                }
                yield head + "CASE WHEN NOT " + applies(r) + " THEN 'NOT_APPLICABLE' WHEN a.respondents IS NULL THEN 'NO_DATA'"
                        + " WHEN a.satisfied >= " + number(r, "minShare") + " * a.respondents THEN 'COMPLIANT' ELSE " + notMet
                        + " END AS status, a.satisfied AS actual FROM " + REVIEW + ".region g LEFT JOIN (SELECT region_code,"
                        + " SUM(satisfied) AS satisfied, SUM(respondents) AS respondents FROM " + REVIEW
                        + ".satisfaction_assessment WHERE subject = " + text(r.rule().path("subject").asText()) + " AND year = "
                        + year + " AND " + scope.on("region_code") + " GROUP BY region_code) a ON a.region_code = g.code WHERE "
                        + scope.on("g.code");
            }
            default -> throw new IllegalStateException("no baseline for a YEAR rule of type " + r.type() + " (" + r.id() + ")");
        };
    }

    /** One row per committee term in the periods (overlapping the year, or due in the window); NO_DATA without one. */
    private String term(Requirement r, Periods periods, Scope scope, LocalDate asOf) {
        String inPeriods = periods.byDue()
                ? "t.end_date BETWEEN " + date(periods.dueFrom()) + " AND " + date(periods.dueTo())
                : "t.start_date <= " + date(LocalDate.of(periods.year(), 12, 31)) + " AND t.end_date >= "
                        + date(LocalDate.of(periods.year(), 1, 1));
        return "SELECT g.code, g.name, " + text(r.id()) + " AS req, " + text(r.title()) + " AS title, t.start_date AS period_start,"
                + " t.end_date AS period_end, t.end_date AS due_date, CASE WHEN NOT " + applies(r) + " THEN 'NOT_APPLICABLE'"
                + " WHEN t.id IS NULL THEN 'NO_DATA' WHEN COALESCE(m.n, 0) >= " + number(r, "min") + " THEN 'COMPLIANT'"
                + " WHEN t.end_date < " + date(asOf) + " THEN 'NON_COMPLIANT' ELSE 'PENDING' END AS status,"
                + " COALESCE(m.n, 0) AS actual FROM " + REVIEW + ".region g LEFT JOIN " + REVIEW + ".committee_term t"
                + " ON t.region_code = g.code AND " + applies(r) + " AND " + inPeriods
                + " LEFT JOIN (SELECT tt.id AS term_id, COUNT(*) AS n FROM " + REVIEW + ".committee_term tt JOIN " + REVIEW
                + ".meeting mm ON mm.region_code = tt.region_code AND mm.type = " + text(r.rule().path("meetingType").asText())
                + " AND mm.meeting_date BETWEEN tt.start_date AND tt.end_date AND mm.meeting_date <= " + date(asOf)
                + " WHERE " + scope.on("tt.region_code") + " GROUP BY tt.id) m ON m.term_id = t.id WHERE " + scope.on("g.code");
    }

    private String document(Requirement r, Scope scope, LocalDate asOf) {
        String notMet = r.due().isBefore(asOf) ? "'NON_COMPLIANT'" : "'PENDING'";
        return "SELECT g.code, g.name, " + text(r.id()) + " AS req, " + text(r.title()) + " AS title, " + date(r.due())
                + " AS period_start, " + date(r.due()) + " AS period_end, " + date(r.due()) + " AS due_date, CASE WHEN NOT "
                + applies(r) + " THEN 'NOT_APPLICABLE' WHEN COALESCE(d.n, 0) >= 1 THEN 'COMPLIANT' ELSE " + notMet
                + " END AS status, COALESCE(d.n, 0) AS actual FROM " + REVIEW + ".region g LEFT JOIN (SELECT region_code,"
                + " COUNT(*) AS n FROM " + REVIEW + ".committee_document WHERE type = " + text(r.rule().path("documentType").asText())
                + " AND document_date <= " + date(asOf) + " AND " + scope.on("region_code")
                + " GROUP BY region_code) d ON d.region_code = g.code WHERE " + scope.on("g.code");
    }

    /** A leadership rule on its evaluation date: asOf, or the year's last day when that is earlier. */
    private String state(Requirement r, int year, Scope scope, LocalDate asOf) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate on = asOf.isBefore(yearEnd) ? asOf : yearEnd;
        List<String> types = new ArrayList<>();
        r.rule().path("organizationTypes").forEach(t -> types.add(text(t.asText())));
        String inOffice = "l.tenure_from <= " + date(on) + " AND (l.tenure_to IS NULL OR l.tenure_to >= " + date(on) + ")";
        String head = "SELECT g.code, g.name, " + text(r.id()) + " AS req, " + text(r.title()) + " AS title, "
                + date(LocalDate.of(year, 1, 1)) + " AS period_start, " + date(yearEnd) + " AS period_end, " + date(on)
                + " AS due_date, ";
        return switch (r.type()) {
            // every named type present, and each of its organisations led by heads in office that are all FULL_TIME
            case "LEADER_EMPLOYMENT" -> head + "CASE WHEN NOT " + applies(r) + " THEN 'NOT_APPLICABLE' WHEN COALESCE(x.met, 0) = "
                    + types.size() + " THEN 'COMPLIANT' ELSE 'NON_COMPLIANT' END AS status, COALESCE(x.met, 0) AS actual FROM "
                    + ORG + ".region g LEFT JOIN (SELECT o.region_code, COUNT(DISTINCT o.type) - COUNT(DISTINCT CASE WHEN"
                    + " o.leaders = 0 OR o.leaders <> o.qualified THEN o.type END) AS met FROM (SELECT oo.id, oo.region_code,"
                    + " oo.type, COUNT(l.id) AS leaders, COALESCE(SUM(l.employment = " + text(r.rule().path("employment").asText())
                    + "), 0) AS qualified FROM " + ORG + ".organization oo LEFT JOIN " + ORG + ".leader l ON l.organization_id = oo.id"
                    + " AND l.role = " + text(r.rule().path("role").asText()) + " AND " + inOffice + " WHERE oo.type IN ("
                    + String.join(",", types) + ") AND " + scope.on("oo.region_code") + " GROUP BY oo.id, oo.region_code, oo.type) o"
                    + " GROUP BY o.region_code) x ON x.region_code = g.code WHERE " + scope.on("g.code");
            case "LEADER_SHARE" -> {
                if (!r.rule().hasNonNull("minShare")) {
                    yield head + "'NOT_APPLICABLE' AS status, NULL AS actual FROM " + ORG + ".region g WHERE " + scope.on("g.code");
                }
                yield head + "CASE WHEN NOT " + applies(r) + " THEN 'NOT_APPLICABLE' WHEN COALESCE(x.needed, 0) = 0 THEN 'NO_DATA'"
                        + " WHEN x.met >= " + number(r, "minShare") + " * x.needed THEN 'COMPLIANT' ELSE 'NON_COMPLIANT' END"
                        + " AS status, x.met AS actual FROM " + ORG + ".region g LEFT JOIN (SELECT o.region_code,"
                        + " SUM(l.frontline) AS met, COUNT(*) AS needed FROM " + ORG + ".organization o JOIN " + ORG
                        + ".leader l ON l.organization_id = o.id AND " + inOffice + " WHERE o.type IN (" + String.join(",", types)
                        + ") AND " + scope.on("o.region_code") + " GROUP BY o.region_code) x ON x.region_code = g.code WHERE "
                        + scope.on("g.code");
            }
            // the benchmark sets no minShare for the coverage of villages (the regions file stops at townships)
            case "ORGANIZATION_COVERAGE" -> {
                if (r.rule().hasNonNull("minShare")) {
                    throw new IllegalStateException("no baseline for " + r.id() + " with a minShare");
                }
                yield head + "'NOT_APPLICABLE' AS status, NULL AS actual FROM " + ORG + ".region g WHERE " + scope.on("g.code");
            }
            default -> throw new IllegalStateException("no baseline for a STATE rule of type " + r.type() + " (" + r.id() + ")");
        };
    }

    private static String fundingSum(Requirement r, int year, Scope scope) {
        return "LEFT JOIN (SELECT region_code, SUM(amount) AS total FROM " + FUNDING + ".funding_record WHERE fiscal_year = " + year
                + " AND category = " + text(r.rule().path("category").asText()) + " AND " + scope.on("region_code")
                + " GROUP BY region_code) f ON f.region_code = g.code";
    }

    /** The requirement applies to g: one of its levels, inside its issuer's subtree. */
    private static String applies(Requirement r) {
        String levels = r.levels().stream().map(RawSql::text).collect(Collectors.joining(","));
        String issuer = "000000".equals(r.issuer()) ? "" : " AND g.code LIKE '" + prefix(r.issuer()) + "%'";
        return "(g.level IN (" + levels + ")" + issuer + ")";
    }

    /** The code of the child of {@code root} that holds the code in {@code column} (the code itself for a child). */
    static String childOf(String root, String column) {
        if ("000000".equals(root)) {
            return "CONCAT(LEFT(" + column + ", 2), '0000')";
        }
        if (root.length() == 6 && root.endsWith("0000")) {
            return "CONCAT(LEFT(" + column + ", 4), '00')";
        }
        if (root.length() == 6 && root.endsWith("00")) {   // a township straight under a city is itself the child
            return "CASE WHEN LEFT(" + column + ", 6) = '" + root + "' THEN LEFT(" + column + ", 9) ELSE LEFT(" + column + ", 6) END";
        }
        return root.length() == 6 ? "LEFT(" + column + ", 9)" : "LEFT(" + column + ", 12)";
    }

    /** The significant digits of a code (REQUIREMENTS.md, Region levels): 330000 → 33, 330600 → 3306. */
    static String prefix(String code) {
        if ("000000".equals(code)) {
            return "";
        }
        if (code.length() == 6 && code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        return code.length() == 6 && code.endsWith("00") ? code.substring(0, 4) : code;
    }

    private static String number(Requirement r, String parameter) {
        String v = r.rule().path(parameter).asText();
        if (!v.matches("[0-9]+(\\.[0-9]+)?")) {
            throw new IllegalStateException(r.id() + ": parameter " + parameter + " is not a number: " + v);
        }
        return v;
    }

    private static String date(LocalDate d) {
        return "DATE '" + d + "'";
    }

    private static String text(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
