package luoshi.gateway.rest;

import luoshi.api.region.RegionCode;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.review.CommitteeTerm;
import luoshi.api.review.CommitteeTermCorrection;
import luoshi.api.review.CommitteeTermsApi;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import org.jboss.resteasy.reactive.RestResponse;

/** CommitteeTermsApi of review-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class CommitteeTermsRoutes implements CommitteeTermsApi {

    private final Route<CommitteeTermsApi> route;

    public CommitteeTermsRoutes(Services services) {
        this.route = services.review().route(CommitteeTermsApi.class);
    }

    @Override
    public RestResponse<CommitteeTerm> create(NewCommitteeTerm term) {
        return route.write(api -> api.create(term));
    }

    @Override
    public BatchResult createBatch(InputStream rows) {
        return route.bulkWrite(rows, CommitteeTermsApi::createBatch);
    }

    @Override
    public Page<CommitteeTerm> list(RegionCode regionCode, int page, int size) {
        return route.read(api -> api.list(regionCode, page, size));
    }

    @Override
    public CommitteeTerm update(String id, CommitteeTermCorrection term) {
        return route.write(api -> api.update(id, term));
    }

    @Override
    public void delete(String id) {
        route.run(api -> api.delete(id));
    }
}
