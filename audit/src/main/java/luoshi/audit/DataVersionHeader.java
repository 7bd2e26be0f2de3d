package luoshi.audit;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import luoshi.api.compliance.AnswerVersionFeed;

/**
 * {@value AnswerVersionFeed#DATA_VERSION_HEADER} on the answer of every successful write (POST, PUT, PATCH, DELETE):
 * the data version its writes advanced to, committed before the answer is written. The gateway learns from it at once
 * that its kept answers may be older than this service's data, and hands it on in its consistency token.
 */
@Provider
public class DataVersionHeader implements ContainerResponseFilter {

    // a bean with a client proxy: the request's own instance on each call
    private final WrittenVersion written;

    public DataVersionHeader(WrittenVersion written) {
        this.written = written;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
                || response.getStatus() >= 300) {
            return;
        }
        long version = written.version();
        if (version > 0) {
            response.getHeaders().putSingle(AnswerVersionFeed.DATA_VERSION_HEADER, Long.toString(version));
        }
    }
}
