package luoshi.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.RequestScoped;

/**
 * The data version the writes of the request being served advanced to ({@link DataVersion#advance}), for its answer's
 * {@value luoshi.api.compliance.AnswerVersionFeed#DATA_VERSION_HEADER} ({@link DataVersionHeader}). Writes made
 * outside a request (the jobs) have none to tell.
 */
@RequestScoped
public class WrittenVersion {

    private long version;

    /** Raises the request's version to {@code version}, when a request is being served on this thread. */
    static void raise(WrittenVersion written, long version) {
        if (Arc.container().requestContext().isActive()) {
            written.raise(version);
        }
    }

    void raise(long version) {
        this.version = Math.max(this.version, version);
    }

    /** The highest version this request's writes advanced to; 0: it wrote nothing. */
    long version() {
        return version;
    }
}
