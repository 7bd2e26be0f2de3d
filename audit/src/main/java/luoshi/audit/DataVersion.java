package luoshi.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The version of this service's data: a counter row that every write advances inside its own transaction
 * ({@link AuditTrail#record} does it for every audited write; the read copy of regions when it applies changes).
 * The row lock orders the writers, so the versions are in commit order: a reader that sees version {@code v} sees
 * every write up to {@code v}, and no committed write leaves the version unchanged. An answer computed after
 * reading {@code v} is therefore current for as long as the version reads {@code v}, on every replica of the
 * service, which is what {@code luoshi.rules.ComplianceAnswers} keeps answers by.
 */
@ApplicationScoped
public class DataVersion {

    private final AgroalDataSource dataSource;

    DataVersion(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The version of the committed data now: one primary-key read. */
    public long current() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT version FROM data_version WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("data_version has no row: the migration V0_4 did not run");
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data version", e);
        }
    }

    /** Advances the version in the caller's transaction (call it from the write's {@code @Transactional} method). */
    public void advance() {
        try (Connection c = dataSource.getConnection()) {
            advance(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot advance the data version", e);
        }
    }

    /** Advances the version on {@code c}, a connection inside the write's transaction. */
    public static void advance(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE data_version SET version = version + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
    }
}
