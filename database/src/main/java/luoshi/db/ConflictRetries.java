package luoshi.db;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

/**
 * {@link RetriedOnConflict}: around the transaction's own interceptor (its priority is lower than Narayana's
 * {@code PLATFORM_BEFORE + 200}), so that each attempt is a new transaction, begun and committed, or rolled back, inside.
 */
@RetriedOnConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class ConflictRetries {

    private final TransactionManager transactions;

    ConflictRetries(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @AroundInvoke
    Object retry(InvocationContext call) throws Exception {
        if (!beginsItsTransaction(call)) {
            return call.proceed();
        }
        return Conflicts.retry(call::proceed,
                call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName());
    }

    private boolean beginsItsTransaction(InvocationContext call) throws Exception {
        Transactional t = call.getMethod().getAnnotation(Transactional.class);
        if (t == null) {
            t = call.getMethod().getDeclaringClass().getAnnotation(Transactional.class);
        }
        Transactional.TxType type = t == null ? Transactional.TxType.REQUIRED : t.value();
        return switch (type) {
            case REQUIRES_NEW -> true;
            case REQUIRED -> transactions.getStatus() == Status.STATUS_NO_TRANSACTION;
            default -> false;   // MANDATORY, SUPPORTS, NOT_SUPPORTED, NEVER: nothing of its own to run again
        };
    }
}
