package luoshi.db;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class ConflictsTest {

    private static final SQLException DEADLOCK = new SQLTransactionRollbackException(
            "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);

    @Test
    void aDeadlockOrALostCertificationIsRetryableWhereverItIsWrapped() {
        assertThat(Conflicts.retryable(new DatabaseException("insert", DEADLOCK))).isTrue();
        // a commit's failure: the driver's exception under the pool's XAException, under the manager's RollbackException
        XAException xa = new XAException(XAException.XA_RBROLLBACK);
        xa.initCause(new SQLException("WSREP detected deadlock/conflict and aborted the transaction", "40001", 1213));
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(xa);
        assertThat(Conflicts.retryable(new IllegalStateException(commit))).isTrue();
        assertThat(Conflicts.retryable(new DatabaseException("update", new SQLException("Lock wait timeout exceeded",
                "HY000", 1205)))).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(Conflicts.retryable(new DatabaseException("insert", new SQLException("Duplicate entry", "23000", 1062))))
                .isFalse();
        assertThat(Conflicts.retryable(new IllegalStateException("no database here"))).isFalse();
        assertThat(Conflicts.retryable(new RollbackException("marked rollback-only"))).isFalse();
        assertThat(Conflicts.retryable(null)).isFalse();
    }
}
