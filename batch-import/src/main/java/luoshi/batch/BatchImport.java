package luoshi.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import luoshi.api.common.BatchResult;
import luoshi.audit.AuditTrail;
import luoshi.security.Access;

/**
 * The write side of every batch import, after its rows were read and validated ({@link BatchReader}): the rows
 * are authorised, the rows are written, and the batch is audited as one {@code IMPORT} event (which also advances
 * the service's data version, so that kept compliance answers see the batch). Call it inside the import's
 * transaction: the rows and the event commit or roll back together, so a batch refused half way (a 409) leaves
 * nothing. The {@code Idempotency-Key} is module idempotency's, as for every POST: its key joins the same
 * transaction.
 */
@ApplicationScoped
public class BatchImport {

    /** Writes the authorised rows in the import's transaction; answers what the audit event holds as {@code after}. */
    @FunctionalInterface
    public interface Writer<T> {
        Object write(List<T> rows);
    }

    private final Access access;
    private final AuditTrail audit;

    BatchImport(Access access, AuditTrail audit) {
        this.access = access;
        this.audit = audit;
    }

    /**
     * Stores a batch of {@code entity} rows, all or nothing: every row's region must be writable (else a 403 naming
     * the first row outside, before anything is written); then {@code writer} writes the rows and one {@code IMPORT}
     * event records what it answers.
     */
    public <T> BatchResult store(String entity, List<T> rows, Function<T, String> region, Writer<T> writer) {
        access.writeRows(rows.stream().map(region).toList());
        Object stored = writer.write(rows);
        audit.record(AuditTrail.Action.IMPORT, entity, null, access.ownRegion(), null, stored);
        return new BatchResult(rows.size());
    }

}
