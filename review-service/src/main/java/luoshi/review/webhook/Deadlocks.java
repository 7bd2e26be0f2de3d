package luoshi.review.webhook;

import jakarta.persistence.PessimisticLockException;
import java.util.function.Supplier;
import org.hibernate.exception.LockAcquisitionException;

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
            } catch (PessimisticLockException | LockAcquisitionException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
