package luoshi.review.service;

import java.util.function.Supplier;
import luoshi.db.DatabaseException;

/**
 * Replicas claiming from one outbox may deadlock on InnoDB's index locks; the database then rolls
 * one transaction back, which is safe to run again (each call is its own transaction).
 */
final class Deadlocks {

    private static final int ATTEMPTS = 5;

    private Deadlocks() {
    }

    static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !retryable(e)) {
                    throw e;
                }
            }
        }
    }

    /** A deadlock (or a lost lock wait, or a lost Galera certification) anywhere in the failure's causes. */
    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseException d && d.retryable()) {
                return true;
            }
        }
        return false;
    }
}
