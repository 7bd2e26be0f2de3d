package luoshi.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.concurrent.atomic.AtomicInteger;
import luoshi.db.Database;
import luoshi.db.RetriedOnConflict;
import luoshi.db.Sql;

/** A write retried on conflict, for {@link GaleraConflictTest}: advances the data version, and counts its attempts. */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class ConflictingWrite {

    private final Database db;

    ConflictingWrite(Database db) {
        this.db = db;
    }

    /** Advances the version; on the first attempt {@code meanwhile} runs after the UPDATE, before the commit. */
    public void advance(AtomicInteger attempts, Runnable meanwhile) {
        db.update(Sql.of("UPDATE data_version SET version = version + 1 WHERE id = 1"));
        if (attempts.incrementAndGet() == 1) {
            meanwhile.run();
        }
    }
}
