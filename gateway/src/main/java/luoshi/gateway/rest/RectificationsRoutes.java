package luoshi.gateway.rest;

import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;
import luoshi.api.review.NewRectification;
import luoshi.api.review.Rectification;
import luoshi.api.review.RectificationDecision;
import luoshi.api.review.RectificationStatus;
import luoshi.api.review.RectificationSubmission;
import luoshi.api.review.RectificationsApi;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import org.jboss.resteasy.reactive.RestResponse;

/** RectificationsApi of review-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class RectificationsRoutes implements RectificationsApi {

    private final Route<RectificationsApi> route;

    public RectificationsRoutes(Services services) {
        this.route = services.review().route(RectificationsApi.class);
    }

    @Override
    public RestResponse<Rectification> create(NewRectification rectification) {
        return route.write(api -> api.create(rectification));
    }

    @Override
    public Page<Rectification> list(RegionCode regionCode, RectificationStatus status, String requirementId,
            Boolean overdue, Integer year, int page, int size) {
        return route.read(api -> api.list(regionCode, status, requirementId, overdue, year, page, size));
    }

    @Override
    public Rectification get(String id) {
        return route.read(api -> api.get(id));
    }

    @Override
    public Rectification submit(String id, RectificationSubmission submission) {
        return route.write(api -> api.submit(id, submission));
    }

    @Override
    public Rectification verify(String id, RectificationDecision decision) {
        return route.write(api -> api.verify(id, decision));
    }

    @Override
    public Rectification reject(String id, RectificationDecision decision) {
        return route.write(api -> api.reject(id, decision));
    }
}
