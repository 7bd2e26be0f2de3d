package luoshi.review.rest;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.review.Document;
import luoshi.api.review.DocumentType;
import luoshi.api.review.DocumentsApi;
import luoshi.api.review.NewDocument;
import luoshi.review.service.CommitteeImports;
import luoshi.review.service.CommitteeRecords;
import luoshi.security.Access;
import org.jboss.resteasy.reactive.RestResponse;

/** Documents: an operator writes (corrects, deletes) in its subtree, a viewer reads there (API.md, Security). */
public class DocumentsResource implements DocumentsApi {

    private final CommitteeRecords records;
    private final CommitteeImports imports;
    private final Access access;
    private final KnownRegions regions;

    DocumentsResource(CommitteeRecords records, CommitteeImports imports, Access access, KnownRegions regions) {
        this.records = records;
        this.imports = imports;
        this.access = access;
        this.regions = regions;
    }

    @Override
    public RestResponse<Document> create(NewDocument document) {
        regions.write(document.regionCode());
        return RestResponse.status(RestResponse.Status.CREATED, records.createDocument(document));
    }

    /** Every row's region is checked (Access.writeRows, then known) by the import, before anything is written. */
    @Override
    public BatchResult createBatch(ArrayNode rows) {
        return imports.documents(rows);
    }

    @Override
    public Page<Document> list(RegionCode regionCode, DocumentType type, int page, int size) {
        return records.documents(RegionCode.text(regionCode), access.readScope(RegionCode.text(regionCode)), type, page, size);
    }

    @Override
    public Document get(String id) {
        Document document = records.document(id);
        access.read(document.regionCode());
        return document;
    }

    @Override
    public Document update(String id, NewDocument document) {
        regions.correct(records.document(id).regionCode(), document.regionCode());
        return records.updateDocument(id, document);
    }

    @Override
    public void delete(String id) {
        access.write(records.document(id).regionCode());
        records.deleteDocument(id);
    }
}
