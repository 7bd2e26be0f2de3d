package luoshi.review.rest;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.review.CommitteeTerm;
import luoshi.api.review.CommitteeTermCorrection;
import luoshi.api.review.CommitteeTermsApi;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.review.service.CommitteeImports;
import luoshi.review.service.CommitteeRecords;
import luoshi.security.Access;
import org.jboss.resteasy.reactive.RestResponse;

/** Terms: an operator writes in its subtree, a viewer reads there (API.md, Security). */
public class CommitteeTermsResource implements CommitteeTermsApi {

    private final CommitteeRecords records;
    private final CommitteeImports imports;
    private final Access access;
    private final KnownRegions regions;

    CommitteeTermsResource(CommitteeRecords records, CommitteeImports imports, Access access, KnownRegions regions) {
        this.records = records;
        this.imports = imports;
        this.access = access;
        this.regions = regions;
    }

    @Override
    public RestResponse<CommitteeTerm> create(NewCommitteeTerm term) {
        regions.write(term.regionCode());
        return RestResponse.status(RestResponse.Status.CREATED, records.createTerm(term));
    }

    /** Every row's region is checked (Access.writeRows, then known) by the import, before anything is written. */
    @Override
    public BatchResult createBatch(ArrayNode rows) {
        return imports.terms(rows);
    }

    @Override
    public Page<CommitteeTerm> list(RegionCode regionCode, int page, int size) {
        return records.terms(RegionCode.text(regionCode), access.readScope(RegionCode.text(regionCode)), page, size);
    }

    /** Omitting regionCode keeps the term in its region. */
    @Override
    public CommitteeTerm update(String id, CommitteeTermCorrection term) {
        String from = records.termRegion(id);
        String to = term.regionCode() == null ? from : term.regionCode();
        regions.correct(from, to);
        return records.updateTerm(id, new NewCommitteeTerm(to, term.start(), term.end()));
    }

    @Override
    public void delete(String id) {
        access.write(records.termRegion(id));
        records.deleteTerm(id);
    }
}
