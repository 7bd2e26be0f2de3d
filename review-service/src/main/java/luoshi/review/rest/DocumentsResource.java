package luoshi.review.rest;

import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;
import luoshi.api.review.Document;
import luoshi.api.review.DocumentType;
import luoshi.api.review.DocumentsApi;
import luoshi.api.review.NewDocument;
import luoshi.batch.BatchReader;
import luoshi.review.service.CommitteeImports;
import luoshi.review.service.CommitteeRecords;
import org.jboss.resteasy.reactive.RestResponse;

/** Documents: a batch is read here as a stream; everything else, the caller's rights included, in {@link CommitteeRecords}. */
public class DocumentsResource implements DocumentsApi {

    private final CommitteeRecords records;
    private final CommitteeImports imports;
    private final BatchReader json;

    DocumentsResource(CommitteeRecords records, CommitteeImports imports, BatchReader json) {
        this.records = records;
        this.imports = imports;
        this.json = json;
    }

    @Override
    public RestResponse<Document> create(NewDocument document) {
        return RestResponse.status(RestResponse.Status.CREATED, records.createDocument(document));
    }

    @Override
    public BatchResult createBatch(InputStream body) {
        return imports.documents(json.read(body, NewDocument.class, BatchResult.MAX_ROWS));
    }

    @Override
    public Page<Document> list(RegionCode regionCode, DocumentType type, int page, int size) {
        return records.documents(RegionCode.text(regionCode), type, page, size);
    }

    @Override
    public Document get(String id) {
        return records.document(id);
    }

    @Override
    public Document update(String id, NewDocument document) {
        return records.updateDocument(id, document);
    }

    @Override
    public void delete(String id) {
        records.deleteDocument(id);
    }
}
