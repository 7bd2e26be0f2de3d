package luoshi.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way a module reaches its schema: {@link Sql} with named parameters on the service's datasource. Inside a
 * {@code @Transactional} method every call joins the transaction's connection (Agroal enlists it); outside, each call
 * takes a connection from the pool and gives it back. A failure is a {@link DatabaseException}.
 */
@ApplicationScoped
public class Database {

    /** Rows per multi-row statement, and keys per chunked read: few round trips, and small enough for any packet. */
    public static final int CHUNK = 1000;

    /** One row of a multi-row INSERT's VALUES: its values bound as a list. */
    private static final Sql ROW = Sql.of("(:v)");

    /** One row of a result, read into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Work with the connection itself, for what a statement cannot say (none of the modules needs a literal). */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public Database(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every row of a query. */
    public <T> List<T> list(Sql sql, RowReader<T> reader) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql); ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        }, sql);
    }

    /**
     * Every row of a query, handed to {@code parts} at most {@link #CHUNK} rows at a time as the server sends them: the
     * driver streams the result (a fetch size), so that a query of tens of thousands of rows is never held at once.
     * Answers how many. The connection is busy until the last part is handled: {@code parts} writes through another (a
     * transaction of its own), never through this one. An exception of {@code parts} ends the query and is thrown as it
     * is.
     */
    public <T> long each(Sql sql, RowReader<T> reader, Consumer<List<T>> parts) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql)) {
                ps.setFetchSize(CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    long count = 0;
                    List<T> part = new ArrayList<>();
                    while (rs.next()) {
                        part.add(reader.read(rs));
                        count++;
                        if (part.size() == CHUNK) {
                            parts.accept(part);
                            part = new ArrayList<>();
                        }
                    }
                    if (!part.isEmpty()) {
                        parts.accept(part);
                    }
                    return count;
                }
            }
        }, sql);
    }

    /** The first row of a query, if any. */
    public <T> Optional<T> one(Sql sql, RowReader<T> reader) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql)) {
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.empty();
                }
            }
        }, sql);
    }

    /** The first column of the first row as a number (a COUNT), 0 when there is no row or it is NULL. */
    public long count(Sql sql) {
        return one(sql, rs -> rs.getLong(1)).orElse(0L);
    }

    /** An INSERT, UPDATE or DELETE: the rows it changed. */
    public int update(Sql sql) {
        return withConnection(c -> update(c, sql), sql);
    }

    /**
     * A versioned write of one row ({@code UPDATE … SET …, version = version + 1 WHERE id = :id AND version = :version},
     * or such a DELETE), after the row was read with its lock: it must change that row. When it changes none, another
     * transaction wrote the row since it was read (on a Galera cluster row locks hold on one node only), and this one
     * fails as a serialization conflict (SQLState 40001) that {@link RetriedOnConflict} runs again whole, reading the
     * row afresh; it never overwrites a version it did not read.
     */
    public void updateOne(Sql sql) {
        if (update(sql) != 1) {
            throw new DatabaseException("the row changed since it was read: " + abbreviated(sql),
                    new SQLException("the row changed since it was read", "40001"));
        }
    }

    /**
     * An INSERT, UPDATE or DELETE on a connection the caller holds ({@link #withConnection}, for work that needs one
     * connection's settings, such as its isolation level): the rows it changed.
     */
    public static int update(Connection c, Sql sql) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql)) {
            return ps.executeUpdate();
        }
    }

    /**
     * Writes {@code rows} in multi-row statements of {@link #CHUNK}, in their order: {@code insert} is
     * "INSERT INTO t (a, b) VALUES", {@code tail} what follows the values ("" or "ON DUPLICATE KEY UPDATE …", which
     * may not bind values of its own); {@code values} gives one row's values in the columns' order
     * ({@code Arrays.asList} where a value may be null: {@code List.of} refuses nulls). Answers the rows the statements
     * affected (for an {@code INSERT IGNORE}: the rows inserted).
     */
    public <T> int insertAll(String insert, String tail, List<T> rows, Function<T, List<?>> values) {
        int affected = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            Sql statement = values(insert, rows.subList(from, Math.min(rows.size(), from + CHUNK)), values, tail);
            affected += update(statement);
        }
        return affected;
    }

    /**
     * As {@link #insertAll}, answering the new ids in the order of the rows ({@code INSERT … RETURNING id}, which
     * MariaDB answers in that order): no guess from LAST_INSERT_ID, which a Galera cluster's interleaved
     * auto-increments would break.
     */
    public <T> List<Long> insertReturningIds(String insert, List<T> rows, Function<T, List<?>> values) {
        return insertReturning(insert, "RETURNING id", rows, values, rs -> rs.getLong(1));
    }

    /**
     * As {@link #insertAll}, answering what {@code returning} ("RETURNING id", written in the code) reads of each row
     * stored, in the order of the rows: for an {@code INSERT IGNORE}, of the rows inserted only (MariaDB answers none
     * for a row it ignored), so that a write learns which of its rows are new without reading them again.
     */
    public <T, R> List<R> insertReturning(String insert, String returning, List<T> rows, Function<T, List<?>> values,
            RowReader<R> reader) {
        List<R> out = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += CHUNK) {
            out.addAll(list(values(insert, rows.subList(from, Math.min(rows.size(), from + CHUNK)), values, returning),
                    reader));
        }
        return out;
    }

    private static <T> Sql values(String insert, List<T> rows, Function<T, List<?>> values, String tail) {
        List<Sql> tuples = new ArrayList<>(rows.size());
        for (T row : rows) {
            tuples.add(ROW.bind("v", values.apply(row)));
        }
        return Sql.of(insert + " :rows " + tail).bind("rows", Sql.join(",", tuples));
    }

    /** Work on one connection (the transaction's, inside one). */
    public <T> T withConnection(ConnectionWork<T> work) {
        return withConnection(work, null);
    }

    private <T> T withConnection(ConnectionWork<T> work, Sql sql) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(sql == null ? "database access failed" : "statement failed: " + abbreviated(sql), e);
        }
    }

    /** A prepared statement of {@code sql} with its values bound, on a connection the caller holds. */
    public static PreparedStatement prepare(Connection c, Sql sql) throws SQLException {
        List<Object> values = new ArrayList<>();
        PreparedStatement ps = c.prepareStatement(sql.render(values));
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
        return ps;
    }

    private static String abbreviated(Sql sql) {
        String text = sql.toString();
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
