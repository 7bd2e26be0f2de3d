package luoshi.db;

import java.sql.SQLException;

/**
 * A statement that failed, unchecked: the caller decides only where a failure means something to it (a duplicate
 * key is a 409, a lost certification on Galera a retry); everything else is a 500 or a 503 further up.
 */
public class DatabaseException extends RuntimeException {

    private static final int DUPLICATE_KEY = 1062;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    public DatabaseException(String message, SQLException cause) {
        super(message, cause);
    }

    public SQLException sqlException() {
        return (SQLException) getCause();
    }

    /** A unique or primary key already holds the value (MariaDB error 1062, SQLState 23000). */
    public boolean duplicateKey() {
        return sqlException().getErrorCode() == DUPLICATE_KEY;
    }

    /** A deadlock, or a transaction that lost certification on a Galera cluster (1213), or a lock wait that timed out (1205). */
    public boolean retryable() {
        int code = sqlException().getErrorCode();
        return code == DEADLOCK || code == LOCK_WAIT_TIMEOUT || "40001".equals(sqlException().getSQLState());
    }
}
