package luoshi.funding.record;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import luoshi.api.funding.NewFundingRecord;

/**
 * Inserts many funding records with JDBC batching on the caller's transaction's connection:
 * IDENTITY ids keep Hibernate from batching, and a 10,000-row import must not be 10,000 round trips.
 */
@ApplicationScoped
public class FundingBatchWriter {

    private static final int CHUNK = 1000;
    private static final String INSERT = "INSERT INTO funding_record (region_code, category, fiscal_year, amount, document_ref)"
            + " VALUES (?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;

    FundingBatchWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims an import key for a batch of {@code rows} rows: empty when this batch is the first with
     * the key, else the row count of the batch that claimed it. Must run in the batch's transaction:
     * a concurrent batch with the same key waits on the key's row lock and then sees it.
     */
    public java.util.OptionalInt claim(String key, int rows) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO funding_import (import_key, accepted) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setInt(2, rows);
                if (ps.executeUpdate() == 1) {
                    return java.util.OptionalInt.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT accepted FROM funding_import WHERE import_key = ?")) {
                ps.setString(1, key);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return java.util.OptionalInt.of(rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim import key", e);
        }
    }

    /** Must run inside a transaction: the statements join it, so the batch commits or rolls back whole. */
    public void insertAll(List<NewFundingRecord> rows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (NewFundingRecord r : rows) {
                ps.setString(1, r.regionCode());
                ps.setString(2, r.category().name());
                ps.setInt(3, r.fiscalYear());
                ps.setBigDecimal(4, r.amount());
                ps.setString(5, r.documentRef());
                ps.addBatch();
                if (++pending == CHUNK) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("funding batch insert failed", e);
        }
    }
}
