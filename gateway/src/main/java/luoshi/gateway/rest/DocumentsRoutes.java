package luoshi.gateway.rest;

import luoshi.api.region.RegionCode;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.review.Document;
import luoshi.api.review.DocumentType;
import luoshi.api.review.DocumentsApi;
import luoshi.api.review.NewDocument;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import org.jboss.resteasy.reactive.RestResponse;

/** DocumentsApi of review-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class DocumentsRoutes implements DocumentsApi {

    private final Route<DocumentsApi> route;

    public DocumentsRoutes(Services services) {
        this.route = services.review().route(DocumentsApi.class);
    }

    @Override
    public RestResponse<Document> create(NewDocument document) {
        return route.write(api -> api.create(document));
    }

    @Override
    public BatchResult createBatch(InputStream rows) {
        return route.bulkWrite(rows, DocumentsApi::createBatch);
    }

    @Override
    public Page<Document> list(RegionCode regionCode, DocumentType type, int page, int size) {
        return route.read(api -> api.list(regionCode, type, page, size));
    }

    @Override
    public Document get(String id) {
        return route.read(api -> api.get(id));
    }

    @Override
    public Document update(String id, NewDocument document) {
        return route.write(api -> api.update(id, document));
    }

    @Override
    public void delete(String id) {
        route.run(api -> api.delete(id));
    }
}
