package luoshi.review;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import luoshi.audit.DataVersion;

/** SQL past the service, for what the tests set up (the read copy of regions) and count. */
@ApplicationScoped
public class DirectSql {

    private final AgroalDataSource dataSource;

    DirectSql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the statements and advances the data version: a change made past the service, which answers kept by version must see. */
    public void execute(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
            DataVersion.advance(c);
        }
    }

    /** The first column of the first row of {@code query}, as a number ({@code SELECT COUNT(*) …}). */
    public long count(String query) throws SQLException {
        return scalar(query, rs -> rs.getLong(1));
    }

    /** The first column of the first row of {@code query}, as text. */
    public String text(String query) throws SQLException {
        return scalar(query, rs -> rs.getString(1));
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T scalar(String query, Column<T> column) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            if (!rs.next()) {
                throw new AssertionError("no row: " + query);
            }
            return column.read(rs);
        }
    }
}
