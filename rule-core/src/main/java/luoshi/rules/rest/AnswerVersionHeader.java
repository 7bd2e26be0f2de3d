package luoshi.rules.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.region.RegionCode;
import luoshi.rules.engine.AnswerVersions;

/**
 * The version of a compliance answer ({@value ComplianceSource#ANSWER_VERSION_HEADER}) on every answer of a region's
 * items, rollup and follow-up list ({@code GET /internal/v1/compliance/regions/{code}…}): the version of the answers
 * about that region's subtree, read when the request arrives, on the worker thread, before the evaluation (and after the
 * read copy of the regions caught up, a later priority than the region version's filter), so that an answer is never
 * older than the version it says. One read of at most six primary keys. The gateway makes the public ETags of it.
 */
@Provider
@Priority(Priorities.USER + 100)
public class AnswerVersionHeader implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String PATH = "internal/v1/compliance/regions/";
    private static final String PROPERTY = "luoshi.answer-version";

    // a bean with a client proxy: providers are made when the application is built, before the datasource exists
    private final AnswerVersions versions;

    public AnswerVersionHeader(AnswerVersions versions) {
        this.versions = versions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        int at = path.indexOf(PATH);
        if (!"GET".equals(request.getMethod()) || at < 0 || at > 1) {
            return;
        }
        String rest = path.substring(at + PATH.length());
        int slash = rest.indexOf('/');
        String code = slash < 0 ? rest : rest.substring(0, slash);
        String part = slash < 0 ? "" : rest.substring(slash + 1);
        if (RegionCode.wellFormed(code) && (part.isEmpty() || part.equals("rollup") || part.equals("items"))) {
            request.setProperty(PROPERTY, versions.of(code));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object version = request.getProperty(PROPERTY);
        if (version != null && response.getStatus() == 200) {
            response.getHeaders().putSingle(ComplianceSource.ANSWER_VERSION_HEADER, version.toString());
        }
    }
}
