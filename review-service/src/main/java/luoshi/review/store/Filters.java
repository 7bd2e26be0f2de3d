package luoshi.review.store;

import java.util.ArrayList;
import java.util.List;
import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;

/**
 * The optional filters of a list endpoint, turned into one WHERE of bound values, a page and its total. The
 * conditions, columns, table and order are text written in the stores; every value is bound.
 */
final class Filters {

    private final List<Sql> conditions = new ArrayList<>();

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is given. */
    Filters with(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(Sql.of(condition).bind(name, value));
        }
        return this;
    }

    /** Keeps the rows whose {@code region_code} lies in {@code scope}'s subtree (all of them for the country). */
    Filters inSubtree(String scope) {
        return with("region_code LIKE :subtree", "subtree",
                RegionCode.isCountry(scope) ? null : RegionCode.subtreePattern(scope));
    }

    /** Page {@code page} of {@code SELECT columns FROM table WHERE … ORDER BY orderBy}, and the total of the rows. */
    <T> Page<T> page(Database db, String columns, String table, String orderBy, int page, int size,
            Database.RowReader<T> reader) {
        Sql where = conditions.isEmpty() ? Sql.of("") : Sql.of("WHERE :conditions")
                .bind("conditions", Sql.join(" AND ", conditions));
        List<T> items = db.list(Sql.of("SELECT " + columns + " FROM " + table + " :where ORDER BY " + orderBy
                + " LIMIT :size OFFSET :offset").bind("where", where).bind("size", size)
                .bind("offset", Page.offset(page, size)), reader);
        return new Page<>(items, page, size, Page.total(page, size, items.size(),
                () -> db.count(Sql.of("SELECT COUNT(*) FROM " + table + " :where").bind("where", where))));
    }
}
