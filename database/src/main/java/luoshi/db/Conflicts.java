package luoshi.db;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Transactions that the database rolled back for a conflict, run again whole (issue #18). On one server a deadlock
 * (1213) or a lock wait that timed out (1205) rolls one transaction back; on a Galera cluster a transaction that
 * conflicts with one committed on another node loses certification and fails with 1213 too, at any statement or at
 * its commit (row locks do not cross nodes). Either way nothing of it was kept, and running the whole transaction
 * again is safe when it has no effect outside the database. Bounded: after {@value #ATTEMPTS} attempts the failure
 * goes to the caller (a 503 further up).
 */
public final class Conflicts {

    /** Attempts in all, the first one included. */
    public static final int ATTEMPTS = 5;

    private static final Logger LOG = Logger.getLogger(Conflicts.class);
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private Conflicts() {
    }

    /** A work that may throw what a transaction's commit throws (an interceptor's proceed). */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /**
     * Runs {@code transaction} (its own whole transaction: {@link RetriedOnConflict} calls it only for a call that
     * begins one) until it does not fail for a conflict, at most {@value #ATTEMPTS} times.
     */
    static <T> T retry(Work<T> transaction, String what) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.run();
            } catch (Exception e) {
                if (attempt == ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                LOG.infof("%s rolled back for a conflict (%s), attempt %d of %d", what, reason(e), attempt + 1, ATTEMPTS);
                // a few milliseconds, growing and jittered: the write set it lost to is applied here meanwhile
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1) * 1_000_000L);
            }
        }
    }

    /**
     * A deadlock, a lost Galera certification or a lock wait that timed out, anywhere in the failure's causes (a
     * commit's failure comes wrapped by the transaction manager) or suppressed exceptions.
     */
    public static boolean retryable(Throwable e) {
        return find(e, 0) != null;
    }

    private static SQLException find(Throwable e, int depth) {
        if (e == null || depth > 20) {
            return null;
        }
        if (e instanceof DatabaseException d && d.retryable()) {
            return d.sqlException();
        }
        if (e instanceof SQLException s && (s.getErrorCode() == DEADLOCK || s.getErrorCode() == LOCK_WAIT_TIMEOUT
                || "40001".equals(s.getSQLState()))) {
            return s;
        }
        for (Throwable s : e.getSuppressed()) {
            SQLException found = find(s, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return e.getCause() == e ? null : find(e.getCause(), depth + 1);
    }

    private static String reason(Throwable e) {
        SQLException s = find(e, 0);
        return s == null ? e.toString() : "error " + s.getErrorCode() + ": " + s.getMessage();
    }
}
