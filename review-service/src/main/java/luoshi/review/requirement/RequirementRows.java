package luoshi.review.requirement;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import luoshi.api.compliance.Requirement;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;
import luoshi.rules.Catalog;

/**
 * One SQL query per requirement that gives, for every region of a scope (and each committee term
 * of a TERM requirement), its status: the counts of meetings or documents are joined to the read
 * copy of regions and compared with the parameter in force for each region
 * ({@link Catalog#parameterSql}), so that subtree rollups and the reminder job's bulk read
 * are GROUP BYs and filters over the same rows, never a loop over regions.
 *
 * <p>Columns: region_code, region_name, period_start, period_end, due_date, status, actual, expected.
 * Values written into the SQL are dates, enum names and digit-only region codes, all checked.
 */
final class RequirementRows {

    /** Which periods: those of a calendar year, or those whose due date lies in a window. */
    record Scope(LocalDate from, LocalDate to, boolean byDueDate) {
        static Scope year(int year) {
            return new Scope(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), false);
        }

        static Scope dueBetween(LocalDate from, LocalDate to) {
            return new Scope(from, to, true);
        }
    }

    private final Catalog catalog;

    RequirementRows(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The rows of {@code r} for the regions matching {@code regionCondition} (over alias {@code r}). */
    List<String> sql(Requirement r, Scope scope, LocalDate asOf, String regionCondition) {
        String applies = "(r.level IN (" + r.levels().stream().map(RegionLevel::name).map(RequirementRows::quote)
                .collect(Collectors.joining(",")) + ") AND r.code LIKE " + quote(RegionCode.subtreePattern(r.issuerRegionCode()))
                + ")";
        return switch (r.period()) {
            case YEAR -> years(scope).stream().map(y -> yearSql(r, y, asOf, applies, regionCondition)).toList();
            case TERM -> List.of(termSql(r, scope, asOf, applies, regionCondition));
            case ONCE -> !scope.byDueDate() || !r.dueDate().isBefore(scope.from()) && !r.dueDate().isAfter(scope.to())
                    ? List.of(documentSql(r, asOf, applies, regionCondition)) : List.of();
            case STATE -> List.of();
        };
    }

    /** The calendar years of the scope: the year itself, or those due (12-31) inside the window. */
    private static List<Integer> years(Scope scope) {
        if (!scope.byDueDate()) {
            return List.of(scope.from().getYear());
        }
        return java.util.stream.IntStream.rangeClosed(scope.from().getYear(), scope.to().getYear())
                .filter(y -> !LocalDate.of(y, 12, 31).isBefore(scope.from()) && !LocalDate.of(y, 12, 31).isAfter(scope.to()))
                .boxed().toList();
    }

    private String yearSql(Requirement r, int year, LocalDate asOf, String applies, String regionCondition) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate countTo = end.isBefore(asOf) ? end : asOf;   // facts as known on asOf
        String min = minimum(r);
        return "SELECT r.code AS region_code, r.name AS region_name, " + date(start) + " AS period_start, " + date(end)
                + " AS period_end, " + date(end) + " AS due_date, CASE WHEN NOT " + applies + " THEN 'NOT_APPLICABLE'"
                + " WHEN COALESCE(m.n, 0) >= " + min + " THEN 'COMPLIANT' WHEN " + date(end) + " < " + date(asOf)
                + " THEN 'NON_COMPLIANT' ELSE 'PENDING' END AS status, COALESCE(m.n, 0) AS actual, " + min + " AS expected"
                + " FROM region r LEFT JOIN (SELECT region_code, COUNT(*) AS n FROM meeting WHERE type = "
                + quote(meetingType(r)) + " AND meeting_date BETWEEN " + date(start) + " AND " + date(countTo)
                + " GROUP BY region_code) m ON m.region_code = r.code WHERE " + regionCondition;
    }

    /** One row per term in scope; a region with none has one NO_DATA row (REQUIREMENTS.md: no committee term). */
    private String termSql(Requirement r, Scope scope, LocalDate asOf, String applies, String regionCondition) {
        String min = minimum(r);
        String inScope = scope.byDueDate()
                ? "t.end_date BETWEEN " + date(scope.from()) + " AND " + date(scope.to())
                : "t.start_date <= " + date(scope.to()) + " AND t.end_date >= " + date(scope.from());
        return "SELECT r.code AS region_code, r.name AS region_name, t.start_date AS period_start, t.end_date AS period_end,"
                + " t.end_date AS due_date, CASE WHEN NOT " + applies + " THEN 'NOT_APPLICABLE' WHEN t.id IS NULL THEN 'NO_DATA'"
                + " WHEN COALESCE(m.n, 0) >= " + min + " THEN 'COMPLIANT' WHEN t.end_date < " + date(asOf)
                + " THEN 'NON_COMPLIANT' ELSE 'PENDING' END AS status, COALESCE(m.n, 0) AS actual, " + min + " AS expected"
                + " FROM region r LEFT JOIN committee_term t ON t.region_code = r.code AND " + applies + " AND " + inScope
                + " LEFT JOIN (SELECT tt.id AS term_id, COUNT(*) AS n FROM committee_term tt JOIN meeting mm"
                + " ON mm.region_code = tt.region_code AND mm.type = " + quote(meetingType(r))
                + " AND mm.meeting_date BETWEEN tt.start_date AND tt.end_date AND mm.meeting_date <= " + date(asOf)
                + " GROUP BY tt.id) m ON m.term_id = t.id WHERE " + regionCondition;
    }

    private String documentSql(Requirement r, LocalDate asOf, String applies, String regionCondition) {
        LocalDate due = r.dueDate();
        String documentType = DocumentSubmittedRule.documentType(r.rule()).name();
        return "SELECT r.code AS region_code, r.name AS region_name, " + date(due) + " AS period_start, " + date(due)
                + " AS period_end, " + date(due) + " AS due_date, CASE WHEN NOT " + applies + " THEN 'NOT_APPLICABLE'"
                + " WHEN COALESCE(d.n, 0) >= 1 THEN 'COMPLIANT' WHEN " + date(due) + " < " + date(asOf)
                + " THEN 'NON_COMPLIANT' ELSE 'PENDING' END AS status, COALESCE(d.n, 0) AS actual, 1 AS expected"
                + " FROM region r LEFT JOIN (SELECT region_code, COUNT(*) AS n FROM committee_document WHERE type = "
                + quote(documentType) + " AND document_date <= " + date(asOf)
                + " GROUP BY region_code) d ON d.region_code = r.code WHERE " + regionCondition;
    }

    /** The minimum in force for the region in r.code: the issuer's, or a stricter jurisdiction's. */
    private String minimum(Requirement r) {
        return catalog.parameterSql(r, "min", "r.code");
    }

    private static String meetingType(Requirement r) {
        return MeetingCountRule.meetingType(r.rule()).name();
    }

    static String date(LocalDate d) {
        return "DATE '" + d + "'";
    }

    /** A literal of characters that need no escaping (codes, enum names, LIKE patterns of digits). */
    static String quote(String s) {
        if (!s.matches("[A-Za-z0-9_%]*")) {
            throw new IllegalArgumentException("not a plain literal: " + s);
        }
        return "'" + s + "'";
    }
}
