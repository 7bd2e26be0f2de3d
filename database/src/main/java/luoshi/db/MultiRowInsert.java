package luoshi.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Multi-row {@code INSERT} statements, for the bulk writes of every service: a 10,000-row import is ten statements,
 * not 10,000 round trips. Plain JDBC on a connection the caller holds (inside a {@code @Transactional} method, the
 * transaction's).
 *
 * @deprecated write rows with {@link Database#insertAll}, which binds every value itself; this goes when its last user
 *     (org-service's own JDBC helper, and {@code BatchImport}'s binder-taking insertAll) is converted.
 */
@Deprecated(forRemoval = true)
public final class MultiRowInsert {

    /** Rows per statement: big enough for few round trips, small enough for any packet. */
    public static final int CHUNK = 1000;

    /** Binds one row's values from parameter {@code first} on; {@code index} is the row's in the list. Answers the next free parameter. */
    @FunctionalInterface
    public interface RowBinder<T> {
        int bind(PreparedStatement ps, int first, T row, int index) throws SQLException;
    }

    private MultiRowInsert() {
    }

    /**
     * Writes {@code rows} in statements of {@link #CHUNK} rows, in their order: {@code insert} is
     * "INSERT INTO t (a, b) VALUES", {@code tail} what follows the values ("" or "ON DUPLICATE KEY UPDATE …").
     */
    public static <T> void insertAll(Connection c, String insert, int columns, String tail, List<T> rows, RowBinder<T> binder)
            throws SQLException {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(insert + " " + placeholders(chunk.size(), columns) + " " + tail)) {
                int p = 1;
                for (int i = 0; i < chunk.size(); i++) {
                    p = binder.bind(ps, p, chunk.get(i), from + i);
                }
                ps.executeUpdate();
            }
        }
    }

    /** {@code (?,?,?),(?,?,?)}: the VALUES of a multi-row INSERT. */
    public static String placeholders(int rows, int columns) {
        String one = "(" + "?,".repeat(columns - 1) + "?)";
        StringBuilder sb = new StringBuilder(rows * (one.length() + 1));
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(one);
        }
        return sb.toString();
    }
}
