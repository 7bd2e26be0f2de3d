package luoshi.batch;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import luoshi.api.common.BatchResult;
import luoshi.api.common.MultiRowInsert;
import luoshi.audit.AuditTrail;
import luoshi.security.Access;

/**
 * The write side of every batch import, after its rows were read and validated ({@link BatchReader}): the rows
 * are authorised, the idempotency key is claimed, the rows are written, and the batch is audited as one
 * {@code IMPORT} event (which also advances the service's data version, so that kept compliance answers see
 * the batch). Call it inside the import's transaction: the key, the rows and the event commit or roll back
 * together, so a batch refused half way (a 409) leaves nothing, not even its key.
 */
@ApplicationScoped
public class BatchImport {

    /** Writes the authorised rows in the import's transaction; answers what the audit event holds as {@code after}. */
    @FunctionalInterface
    public interface Writer<T> {
        Object write(List<T> rows);
    }

    private final AgroalDataSource dataSource;
    private final Access access;
    private final AuditTrail audit;
    private final String keyTable;

    BatchImport(AgroalDataSource dataSource, Access access, AuditTrail audit, BatchConfig config) {
        this.dataSource = dataSource;
        this.access = access;
        this.audit = audit;
        this.keyTable = config.importKeyTable();
    }

    /**
     * Stores a batch of {@code entity} rows, all or nothing: every row's region must be writable (else a 403 naming
     * the first row outside, before anything is written); with an idempotency key, a batch sent again with it stores
     * nothing and answers as the first did; then {@code writer} writes the rows and one {@code IMPORT} event records
     * what it answers.
     */
    public <T> BatchResult store(String entity, String idempotencyKey, List<T> rows, Function<T, String> region,
            Writer<T> writer) {
        access.writeRows(rows.stream().map(region).toList());
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            OptionalInt earlier = claim(entity, idempotencyKey.strip(), rows.size());
            if (earlier.isPresent()) {
                return new BatchResult(earlier.getAsInt());
            }
        }
        Object stored = writer.write(rows);
        audit.record(AuditTrail.Action.IMPORT, entity, null, access.ownRegion(), null, stored);
        return new BatchResult(rows.size());
    }

    /**
     * Claims an import key of {@code entity} for a batch of {@code rows} rows: empty when this batch is the first with
     * the key, else the row count of the batch that claimed it. In the batch's transaction, a concurrent batch with
     * the same key waits on the key's row lock and then sees it.
     */
    OptionalInt claim(String entity, String key, int rows) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO " + keyTable
                    + " (entity, import_key, accepted) VALUES (?, ?, ?)")) {
                ps.setString(1, entity);
                ps.setString(2, key);
                ps.setInt(3, rows);
                if (ps.executeUpdate() == 1) {
                    return OptionalInt.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT accepted FROM " + keyTable
                    + " WHERE entity = ? AND import_key = ?")) {
                ps.setString(1, entity);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return OptionalInt.of(rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim the import key of a " + entity + " batch", e);
        }
    }

    /**
     * Writes {@code rows} in multi-row statements of {@value MultiRowInsert#CHUNK} on the transaction's connection (see
     * {@link MultiRowInsert#insertAll}).
     */
    public <T> void insertAll(String insert, int columns, String tail, List<T> rows, MultiRowInsert.RowBinder<T> binder) {
        try (Connection c = dataSource.getConnection()) {
            MultiRowInsert.insertAll(c, insert, columns, tail, rows, binder);
        } catch (SQLException e) {
            throw new IllegalStateException("batch insert failed: " + insert, e);
        }
    }
}
