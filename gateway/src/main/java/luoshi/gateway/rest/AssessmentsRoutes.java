package luoshi.gateway.rest;

import luoshi.api.assessment.Assessment;
import luoshi.api.assessment.AssessmentsApi;
import luoshi.api.assessment.NewAssessment;
import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import org.jboss.resteasy.reactive.RestResponse;

/** AssessmentsApi of review-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class AssessmentsRoutes implements AssessmentsApi {

    private final Route<AssessmentsApi> route;

    public AssessmentsRoutes(Services services) {
        this.route = services.review().route(AssessmentsApi.class);
    }

    @Override
    public RestResponse<Assessment> create(NewAssessment assessment) {
        return route.write(api -> api.create(assessment));
    }

    @Override
    public Page<Assessment> list(RegionCode regionCode, Integer year, int page, int size) {
        return route.read(api -> api.list(regionCode, year, page, size));
    }

    @Override
    public Assessment get(String id) {
        return route.read(api -> api.get(id));
    }

    @Override
    public Assessment update(String id, NewAssessment assessment) {
        return route.write(api -> api.update(id, assessment));
    }

    @Override
    public void delete(String id) {
        route.run(api -> api.delete(id));
    }
}
