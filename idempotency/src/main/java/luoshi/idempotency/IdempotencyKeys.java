package luoshi.idempotency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The table {@code idempotency_key} (migration V0_5): claims, answers, and the deletion of expired keys. */
@ApplicationScoped
class IdempotencyKeys {

    /** A key as it belongs to a caller and a path. */
    record KeyId(String caller, String operation, String key) {
    }

    /** The answer a call gave, kept with its key to be given again. */
    record Answer(int status, String contentType, String location, byte[] body) {
    }

    /** What claiming a key found: it is this call's now, or an earlier call's (committed), or a running call's. */
    sealed interface Claim permits Claimed, Earlier, Running {
    }

    record Claimed() implements Claim {
    }

    record Earlier(byte[] requestHash, Answer answer) implements Claim {
    }

    record Running() implements Claim {
    }

    private static final int DUPLICATE_KEY = 1062;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;
    private static final int DELETE_CHUNK = 1000;

    private final AgroalDataSource dataSource;
    private final int inProgressWaitSeconds;

    IdempotencyKeys(AgroalDataSource dataSource, IdempotencyConfig config) {
        this.dataSource = dataSource;
        this.inProgressWaitSeconds = Math.max(0, config.inProgressWaitSeconds());
    }

    /**
     * Inserts the key's row in the caller's transaction. A running call holding the same key keeps this insert
     * waiting on the row's lock: when that call commits in time, its row is found ({@link Earlier}); when it rolls
     * back, this call has the key; when it still runs after {@code in-progress-wait-seconds}, {@link Running}.
     */
    Claim claim(KeyId id, byte[] requestHash, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SET STATEMENT innodb_lock_wait_timeout = "
                    + inProgressWaitSeconds + " FOR INSERT INTO idempotency_key (caller, operation, idem_key, request_hash,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)")) {
                bind(ps, id);
                ps.setBytes(4, requestHash);
                ps.setObject(5, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.executeUpdate();
                return new Claimed();
            } catch (SQLException e) {
                if (e.getErrorCode() == LOCK_WAIT_TIMEOUT || e.getErrorCode() == DEADLOCK) {
                    return new Running();
                }
                if (e.getErrorCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            return earlier(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim an idempotency key", e);
        }
    }

    private static Claim earlier(Connection c, KeyId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT request_hash, status, content_type, location, body"
                + " FROM idempotency_key WHERE caller = ? AND operation = ? AND idem_key = ?")) {
            bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject(2) == null) {
                    return new Running();   // deleted as expired since, or not answered yet: retry
                }
                return new Earlier(rs.getBytes(1), new Answer(rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5)));
            }
        }
    }

    /** Stores the answer with the key, in the transaction that claimed it. */
    void answer(KeyId id, Answer answer) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE idempotency_key"
                + " SET status = ?, content_type = ?, location = ?, body = ? WHERE caller = ? AND operation = ? AND idem_key = ?")) {
            ps.setInt(1, answer.status());
            ps.setString(2, answer.contentType());
            ps.setString(3, answer.location());
            ps.setBytes(4, answer.body());
            ps.setString(5, id.caller());
            ps.setString(6, id.operation());
            ps.setString(7, id.key());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("the claimed idempotency key is gone");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the answer of an idempotency key", e);
        }
    }

    /**
     * Deletes the keys created before {@code bound}, in chunks of {@value #DELETE_CHUNK}, each its own short
     * transaction (outside any other) at READ COMMITTED (no gap locks: a claim of a new key never waits for the cleanup).
     */
    int deleteCreatedBefore(Instant bound) {
        int deleted = 0;
        try (Connection c = dataSource.getConnection()) {
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_key WHERE created_at < ? LIMIT "
                    + DELETE_CHUNK)) {
                ps.setObject(1, LocalDateTime.ofInstant(bound, ZoneOffset.UTC));
                int chunk;
                do {
                    chunk = ps.executeUpdate();
                    deleted += chunk;
                } while (chunk == DELETE_CHUNK);
            } finally {
                c.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete expired idempotency keys", e);
        }
        return deleted;
    }

    private static void bind(PreparedStatement ps, KeyId id) throws SQLException {
        ps.setString(1, id.caller());
        ps.setString(2, id.operation());
        ps.setString(3, id.key());
    }
}
