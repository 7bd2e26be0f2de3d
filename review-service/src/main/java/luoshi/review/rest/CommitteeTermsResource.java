package luoshi.review.rest;

import jakarta.inject.Inject;
import luoshi.api.common.Page;
import luoshi.api.review.CommitteeTerm;
import luoshi.api.review.CommitteeTermsApi;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.review.committee.CommitteeRecords;
import org.jboss.resteasy.reactive.RestResponse;

public class CommitteeTermsResource implements CommitteeTermsApi {

    @Inject
    CommitteeRecords records;

    @Override
    public RestResponse<CommitteeTerm> create(NewCommitteeTerm term) {
        return RestResponse.status(RestResponse.Status.CREATED, records.createTerm(term));
    }

    @Override
    public Page<CommitteeTerm> list(String regionCode, int page, int size) {
        return records.terms(regionCode, page, size);
    }
}
