package luoshi.review.rest;

import jakarta.inject.Inject;
import luoshi.api.common.Page;
import luoshi.api.review.CommitteeTerm;
import luoshi.api.review.CommitteeTermsApi;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.review.committee.CommitteeRecords;
import luoshi.security.Access;
import org.jboss.resteasy.reactive.RestResponse;

/** Terms: an operator writes in its subtree, a viewer reads there (API.md, Security). */
public class CommitteeTermsResource implements CommitteeTermsApi {

    @Inject
    CommitteeRecords records;

    @Inject
    Access access;

    @Override
    public RestResponse<CommitteeTerm> create(NewCommitteeTerm term) {
        access.write(term.regionCode());
        return RestResponse.status(RestResponse.Status.CREATED, records.createTerm(term));
    }

    @Override
    public Page<CommitteeTerm> list(String regionCode, int page, int size) {
        return records.terms(regionCode, access.readScope(regionCode), page, size);
    }
}
