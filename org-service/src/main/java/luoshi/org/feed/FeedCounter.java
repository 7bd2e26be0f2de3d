package luoshi.org.feed;

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

    /** Records that versions up to {@code version} are taken (the counter must be locked). */
    public static void advance(Connection c, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE feed_counter SET version = ? WHERE id = 1")) {
            ps.setLong(1, version);
            ps.executeUpdate();
        }
    }
}
