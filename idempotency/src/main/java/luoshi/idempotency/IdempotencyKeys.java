package luoshi.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import luoshi.db.Database;
import luoshi.db.DatabaseException;
import luoshi.db.Sql;

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

    private static final int DELETE_CHUNK = 1000;

    /**
     * The claim: the wait on a running call's row lock is bounded for this statement alone (MariaDB's SET STATEMENT;
     * the session's own timeout stays as it is for the service's writes).
     */
    private static final Sql CLAIM = Sql.of("SET STATEMENT innodb_lock_wait_timeout = :wait FOR INSERT INTO idempotency_key"
            + " (caller, operation, idem_key, request_hash, created_at) VALUES (:caller, :operation, :key, :hash, :at)");
    private static final Sql KEY = Sql.of("caller = :caller AND operation = :operation AND idem_key = :key");
    private static final Sql EARLIER = Sql.of("SELECT request_hash, status, content_type, location, body"
            + " FROM idempotency_key WHERE :key");
    private static final Sql ANSWER = Sql.of("UPDATE idempotency_key SET status = :status, content_type = :type,"
            + " location = :location, body = :body WHERE :key");
    private static final Sql EXPIRED = Sql.of("DELETE FROM idempotency_key WHERE created_at < :bound LIMIT :chunk");

    private final Database db;
    private final int inProgressWaitSeconds;

    IdempotencyKeys(Database db, IdempotencyConfig config) {
        this.db = db;
        this.inProgressWaitSeconds = Math.max(0, config.inProgressWaitSeconds());
    }

    /**
     * Inserts the key's row in the caller's transaction. A running call holding the same key keeps this insert
     * waiting on the row's lock: when that call commits in time, its row is found ({@link Earlier}); when it rolls
     * back, this call has the key; when it still runs after {@code in-progress-wait-seconds}, {@link Running}.
     */
    Claim claim(KeyId id, byte[] requestHash, Instant now) {
        try {
            db.update(CLAIM.bind("wait", inProgressWaitSeconds).bind("caller", id.caller())
                    .bind("operation", id.operation()).bind("key", id.key()).bind("hash", requestHash)
                    .bind("at", LocalDateTime.ofInstant(now, ZoneOffset.UTC)));
            return new Claimed();
        } catch (DatabaseException e) {
            if (e.retryable()) {
                return new Running();   // the lock wait timed out (or a deadlock rolled this claim back)
            }
            if (!e.duplicateKey()) {
                throw e;
            }
        }
        // deleted as expired since, or not answered yet: Running (a retry)
        return db.one(EARLIER.bind("key", key(id)), rs -> rs.getObject(2) == null ? (Claim) new Running()
                : new Earlier(rs.getBytes(1), new Answer(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBytes(5))))
                .orElseGet(Running::new);
    }

    /** Stores the answer with the key, in the transaction that claimed it. */
    void answer(KeyId id, Answer answer) {
        int changed = db.update(ANSWER.bind("status", answer.status()).bind("type", answer.contentType())
                .bind("location", answer.location()).bind("body", answer.body()).bind("key", key(id)));
        if (changed != 1) {
            throw new IllegalStateException("the claimed idempotency key is gone");
        }
    }

    /**
     * Deletes the keys created before {@code bound}, in chunks of {@value #DELETE_CHUNK}, each its own short
     * transaction (outside any other) at READ COMMITTED (no gap locks: a claim of a new key never waits for the cleanup).
     * One connection of its own: the isolation level is a setting of the connection (MariaDB's SET STATEMENT cannot set it).
     */
    int deleteCreatedBefore(Instant bound) {
        Sql expired = EXPIRED.bind("bound", LocalDateTime.ofInstant(bound, ZoneOffset.UTC)).bind("chunk", DELETE_CHUNK);
        return db.withConnection(c -> {
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                int deleted = 0;
                int chunk;
                do {
                    chunk = Database.update(c, expired);
                    deleted += chunk;
                } while (chunk == DELETE_CHUNK);
                return deleted;
            } finally {
                c.setTransactionIsolation(isolation);
            }
        });
    }

    private static Sql key(KeyId id) {
        return KEY.bind("caller", id.caller()).bind("operation", id.operation()).bind("key", id.key());
    }
}
