package luoshi.audit;

import io.quarkus.runtime.BlockingOperationControl;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import luoshi.api.compliance.AnswerVersionFeed;
import luoshi.platform.Writes;

/**
 * {@value AnswerVersionFeed#DATA_VERSION_HEADER} on the answer of every successful write (POST, PUT, PATCH, DELETE):
 * the service's data version once its writes are committed (at least what they advanced to, on whatever thread). The gateway learns from it at once
 * that its kept answers may be older than this service's data, and hands it on in its consistency token.
 */
@Provider
public class DataVersionHeader implements ContainerResponseFilter {

    // a bean with a client proxy: the request's own instance on each call
    private final WrittenVersion written;
    private final DataVersion dataVersion;

    public DataVersionHeader(WrittenVersion written, DataVersion dataVersion) {
        this.written = written;
        this.dataVersion = dataVersion;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!Writes.succeeded(request, response)) {
            return;
        }
        // the version now, where a read may block: it is at least every write this request made, on this thread or on a
        // job's threads (a reminder run writes on several); else what this thread's writes advanced to
        long version = BlockingOperationControl.isBlockingAllowed() ? dataVersion.current() : written.version();
        if (version > 0) {
            response.getHeaders().putSingle(AnswerVersionFeed.DATA_VERSION_HEADER, Long.toString(version));
        }
    }
}
