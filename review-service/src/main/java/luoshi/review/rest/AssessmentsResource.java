package luoshi.review.rest;

import luoshi.api.assessment.Assessment;
import luoshi.api.assessment.AssessmentsApi;
import luoshi.api.assessment.NewAssessment;
import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;
import luoshi.review.service.Assessments;
import org.jboss.resteasy.reactive.RestResponse;

/** Satisfaction assessments: each call handed to {@link Assessments}, which authorises it. */
public class AssessmentsResource implements AssessmentsApi {

    private final Assessments assessments;

    AssessmentsResource(Assessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public RestResponse<Assessment> create(NewAssessment assessment) {
        return RestResponse.status(RestResponse.Status.CREATED, assessments.create(assessment));
    }

    @Override
    public Page<Assessment> list(RegionCode regionCode, Integer year, int page, int size) {
        return assessments.list(RegionCode.text(regionCode), year, page, size);
    }

    @Override
    public Assessment get(String id) {
        return assessments.get(id);
    }

    @Override
    public Assessment update(String id, NewAssessment assessment) {
        return assessments.update(id, assessment);
    }

    @Override
    public void delete(String id) {
        assessments.delete(id);
    }
}
