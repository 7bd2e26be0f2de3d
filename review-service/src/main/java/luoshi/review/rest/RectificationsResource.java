package luoshi.review.rest;

import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;
import luoshi.api.review.NewRectification;
import luoshi.api.review.Rectification;
import luoshi.api.review.RectificationDecision;
import luoshi.api.review.RectificationStatus;
import luoshi.api.review.RectificationSubmission;
import luoshi.api.review.RectificationsApi;
import luoshi.review.service.Rectifications;
import org.jboss.resteasy.reactive.RestResponse;

/** Rectifications (整改): each call handed to {@link Rectifications}, which checks the caller's rights. */
public class RectificationsResource implements RectificationsApi {

    private final Rectifications rectifications;

    RectificationsResource(Rectifications rectifications) {
        this.rectifications = rectifications;
    }

    @Override
    public RestResponse<Rectification> create(NewRectification rectification) {
        return RestResponse.status(RestResponse.Status.CREATED, rectifications.create(rectification));
    }

    @Override
    public Page<Rectification> list(RegionCode regionCode, RectificationStatus status, String requirementId,
            Boolean overdue, Integer year, int page, int size) {
        return rectifications.list(RegionCode.text(regionCode), status, requirementId, overdue, year, page, size);
    }

    @Override
    public Rectification get(String id) {
        return rectifications.get(id);
    }

    @Override
    public Rectification submit(String id, RectificationSubmission submission) {
        return rectifications.submit(id, submission);
    }

    @Override
    public Rectification verify(String id, RectificationDecision decision) {
        return rectifications.verify(id, decision);
    }

    @Override
    public Rectification reject(String id, RectificationDecision decision) {
        return rectifications.reject(id, decision);
    }
}
