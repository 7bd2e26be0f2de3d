package luoshi.org.feed;

import io.quarkus.arc.Arc;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one counter that versions every region and population write (RegionFeed's contract). A writer
 * locks the counter row first, in the transaction of its write, and advances it before commit: writers
 * therefore take versions one after another and commit them in order, so a feed reader that sees
 * version n has already seen every version below n.
 */
public final class FeedCounter {

    private FeedCounter() {
    }

    /** Locks the counter until the transaction ends and answers its current value. */
    public static long lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM feed_counter WHERE id = 1 FOR UPDATE");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The counter's committed value: the version of the newest change a reader can see now. */
    public static long current(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM feed_counter WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Records that versions up to {@code version} are taken (the counter must be locked). When the transaction commits,
     * the long polls waiting in this JVM are told at once ({@link FeedWaiters#signal}).
     */
    public static void advance(Connection c, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed_counter SET version = ? WHERE id = 1")) {
            ps.setLong(1, version);
            ps.executeUpdate();
        }
        signalAfterCommit();
    }

    private static void signalAfterCommit() {
        var container = Arc.container();
        if (container == null) {
            return;
        }
        FeedWaiters waiters = container.instance(FeedWaiters.class).get();
        TransactionSynchronizationRegistry tx = container.instance(TransactionSynchronizationRegistry.class).get();
        if (tx == null || tx.getTransactionKey() == null) {
            waiters.signal();   // no transaction: the write is committed already
            return;
        }
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    waiters.signal();
                }
            }
        });
    }
}
