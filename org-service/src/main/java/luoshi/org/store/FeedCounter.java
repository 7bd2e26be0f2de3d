package luoshi.org.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import luoshi.db.Database;
import luoshi.db.Sql;

/**
 * The one counter that versions every region and population write (RegionFeed's contract). A writer
 * locks the counter row first, in the transaction of its write, and advances it before commit: writers
 * therefore take versions one after another and commit them in order, so a feed reader that sees
 * version n has already seen every version below n.
 */
@ApplicationScoped
public class FeedCounter {

    /** Versions up to {@code version} are taken; observed after commit, to release the long polls of this JVM at once. */
    public record Advanced(long version) {
    }

    private final Database db;
    private final Event<Advanced> advanced;

    public FeedCounter(Database db, Event<Advanced> advanced) {
        this.db = db;
        this.advanced = advanced;
    }

    /** Locks the counter until the transaction ends and answers its current value. */
    public long lock() {
        return db.one(Sql.of("SELECT version FROM feed_counter WHERE id = 1 FOR UPDATE"), rs -> rs.getLong(1)).orElseThrow();
    }

    /** The counter's committed value: the version of the newest change a reader can see now. */
    public long current() {
        return db.one(Sql.of("SELECT version FROM feed_counter WHERE id = 1"), rs -> rs.getLong(1)).orElseThrow();
    }

    /** Records that versions up to {@code version} are taken (the counter must be locked), and fires {@link Advanced}. */
    public void advance(long version) {
        db.update(Sql.of("UPDATE feed_counter SET version = :version WHERE id = 1").bind("version", version));
        advanced.fire(new Advanced(version));
    }
}
