package luoshi.review;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import luoshi.api.region.RegionCode;
import luoshi.audit.DataVersion;
import org.junit.jupiter.api.TestInfo;

/** SQL past the service, for what the tests set up (the read copy of regions) and count. */
@ApplicationScoped
public class DirectSql {

    private final AgroalDataSource dataSource;
    private final DataVersion dataVersion;
    /** The regions tests put into the copy, until {@link #takeOutOfCopy(TestInfo)} takes them out. */
    private final java.util.Set<String> putByTests = java.util.concurrent.ConcurrentHashMap.newKeySet();

    DirectSql(AgroalDataSource dataSource, DataVersion dataVersion) {
        this.dataSource = dataSource;
        this.dataVersion = dataVersion;
    }

    /** Runs the statements and advances the data version: a change made past the service, which answers kept by version must see. */
    public void execute(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
            dataVersion.advance();
        }
    }

    /**
     * Puts the regions into the copy as org-service's feed would (named by their code; level and parent follow from
     * it), those that are not there yet; answers those it added.
     */
    public List<String> putInCopy(Collection<String> codes) throws SQLException {
        List<String> added = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT IGNORE INTO region (code, name, level, parent_code, version) VALUES (?, ?, ?, ?, 1)")) {
            for (String code : codes) {
                ps.setString(1, code);
                ps.setString(2, code);
                ps.setString(3, RegionCode.levelOf(code).orElseThrow().name());
                ps.setString(4, RegionCode.parentOf(code));
                if (ps.executeUpdate() == 1) {
                    added.add(code);
                    putByTests.add(code);
                }
            }
            dataVersion.advance();
        }
        return added;
    }

    /** Takes the regions out of the copy again. */
    public void takeOutOfCopy(Collection<String> codes) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM region WHERE code = ?")) {
            for (String code : List.copyOf(codes)) {
                ps.setString(1, code);
                ps.executeUpdate();
                putByTests.remove(code);
            }
            dataVersion.advance();
        }
    }

    /** The regions of the test's {@link RegionsInCopy}, its class's and its method's, put into the copy. */
    public void putInCopy(TestInfo test) throws SQLException {
        putInCopy(regionsOf(test));
    }

    /** The regions of the test's {@link RegionsInCopy}, and any other it put into the copy, taken out after it. */
    public void takeOutOfCopy(TestInfo test) throws SQLException {
        takeOutOfCopy(Stream.concat(regionsOf(test).stream(), putByTests.stream()).distinct().toList());
    }

    private static List<String> regionsOf(TestInfo test) {
        return Stream.concat(test.getTestClass().map(c -> c.getAnnotation(RegionsInCopy.class)).stream(),
                        test.getTestMethod().map(m -> m.getAnnotation(RegionsInCopy.class)).stream())
                .flatMap(r -> Stream.of(r.value())).distinct().toList();
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
