package luoshi.org.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import luoshi.db.MultiRowInsert;
import luoshi.db.MultiRowInsert.RowBinder;

/**
 * Plain SQL on the service's datasource, for the set-based work that an ORM does badly: bulk imports in
 * multi-row statements, the change feed, rollups over a subtree. Inside a {@code @Transactional} method
 * every call joins the transaction's connection.
 */
@ApplicationScoped
public class Jdbc {

    /** One row of a result, read into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Work with the transaction's connection. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Keys per statement of the chunked reads, as many as rows per statement of the writes. */
    static final int CHUNK = MultiRowInsert.CHUNK;

    private final AgroalDataSource dataSource;

    public Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> query(String sql, RowReader<T> reader, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... params) {
        return query(sql, reader, params).stream().findFirst();
    }

    public long count(String sql, Object... params) {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    /** {@code select} ends with "IN": the rows whose key is one of {@code keys}, read 1,000 keys a statement. */
    public <T> List<T> queryIn(String select, java.util.Collection<String> keys, RowReader<T> reader) {
        List<String> list = new ArrayList<>(keys);
        List<T> out = new ArrayList<>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
            out.addAll(query(select + " (" + marks(chunk.size()) + ")", reader, chunk.toArray()));
        }
        return out;
    }

    /**
     * Writes {@code rows} in multi-row statements of 1,000: {@code insert} is "INSERT INTO t (a, b) VALUES",
     * {@code onDuplicate} what follows the values; {@code binder} gets each row's index in {@code rows}.
     */
    public <T> void insertAll(String insert, int columns, String onDuplicate, List<T> rows, RowBinder<T> binder) {
        withConnection(c -> {
            MultiRowInsert.insertAll(c, insert, columns, onDuplicate, rows, binder);
            return null;
        });
    }

    /**
     * Inserts {@code rows} in multi-row {@code INSERT … RETURNING id} statements of 1,000 ({@code insert} is
     * "INSERT INTO t (a, b) VALUES") and answers the new ids in the order of the rows (MariaDB returns them so):
     * no guess from LAST_INSERT_ID, which a Galera cluster's interleaved auto-increments would break.
     */
    public <T> List<Long> insertReturningIds(String insert, int columns, List<T> rows, RowBinder<T> binder) {
        return withConnection(c -> {
            List<Long> ids = new ArrayList<>(rows.size());
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                try (PreparedStatement ps = c.prepareStatement(insert + " " + MultiRowInsert.placeholders(chunk.size(), columns)
                        + " RETURNING id")) {
                    int p = 1;
                    for (int i = 0; i < chunk.size(); i++) {
                        p = binder.bind(ps, p, chunk.get(i), from + i);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
            }
            return ids;
        });
    }

    public <T> T withConnection(ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("database access failed", e);
        }
    }

    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    /** {@code ?,?,?}: the list of an IN (…). */
    public static String marks(int n) {
        return "?,".repeat(n - 1) + "?";
    }
}
