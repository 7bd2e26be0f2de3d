package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import luoshi.audit.AuditTrail;
import luoshi.db.RetriedOnConflict;
import luoshi.review.store.SnapshotStore;
import luoshi.review.store.SnapshotStore.Snapshot;

/**
 * Stores the snapshots of one subtree's rollup in a transaction of its own. The primary key (region, year, day) decides
 * what is new: INSERT IGNORE stores a snapshot at most once whatever ran before. No lock: replicas writing at once, on
 * one server or on two Galera nodes, conflict on the key (a lock wait, or a lost certification at commit: 1213), and
 * the loser's transaction runs again whole ({@link RetriedOnConflict}) and stores none of the winner's (issue #18).
 */
@ApplicationScoped
public class SnapshotWriter {

    /** What the audit trail keeps of a run. */
    record Run(LocalDate asOf, int taken) {
    }

    private final SnapshotStore store;
    private final AuditTrail audit;

    SnapshotWriter(SnapshotStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    // A transaction of its own: a run asked with an Idempotency-Key is inside the key's transaction, and the snapshots
    // are idempotent by themselves (one per region and day), so they may commit apart from the key.
    /** Stores {@code snapshots} (those not stored yet), and keeps {@code asked} (or none: null) for the daily job. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @RetriedOnConflict
    public int write(List<Snapshot> snapshots, Instant takenAt, String asked, LocalDate askedOn) {
        int taken = store.insertNew(snapshots, takenAt);
        if (asked != null) {
            store.ask(asked, askedOn);
        }
        return taken;
    }

    /** The run as one audit event (entity {@code snapshot-run}, region the run's scope), as a reminder run is. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @RetriedOnConflict
    public void record(LocalDate asOf, String scope, int taken) {
        audit.record(AuditTrail.Action.RUN, "snapshot-run", null, scope, null, new Run(asOf, taken));
    }
}
