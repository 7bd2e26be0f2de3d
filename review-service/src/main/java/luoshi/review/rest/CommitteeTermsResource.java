package luoshi.review.rest;

import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;
import luoshi.api.review.CommitteeTerm;
import luoshi.api.review.CommitteeTermCorrection;
import luoshi.api.review.CommitteeTermsApi;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.batch.BatchReader;
import luoshi.review.service.CommitteeImports;
import luoshi.review.service.CommitteeRecords;
import org.jboss.resteasy.reactive.RestResponse;

/** Terms: a batch is read here as a stream; everything else, the caller's rights included, in {@link CommitteeRecords}. */
public class CommitteeTermsResource implements CommitteeTermsApi {

    private final CommitteeRecords records;
    private final CommitteeImports imports;
    private final BatchReader json;

    CommitteeTermsResource(CommitteeRecords records, CommitteeImports imports, BatchReader json) {
        this.records = records;
        this.imports = imports;
        this.json = json;
    }

    @Override
    public RestResponse<CommitteeTerm> create(NewCommitteeTerm term) {
        return RestResponse.status(RestResponse.Status.CREATED, records.createTerm(term));
    }

    @Override
    public BatchResult createBatch(InputStream body) {
        return imports.terms(json.read(body, NewCommitteeTerm.class, BatchResult.MAX_ROWS, CommitteeImports.TERM_ROWS));
    }

    @Override
    public Page<CommitteeTerm> list(RegionCode regionCode, int page, int size) {
        return records.terms(RegionCode.text(regionCode), page, size);
    }

    @Override
    public CommitteeTerm update(String id, CommitteeTermCorrection term) {
        return records.updateTerm(id, term);
    }

    @Override
    public void delete(String id) {
        records.deleteTerm(id);
    }
}
