package luoshi.gateway.rest;

import luoshi.api.region.RegionCode;
import java.time.LocalDate;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderRun;
import luoshi.api.review.ReminderStage;
import luoshi.api.review.RemindersApi;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;

/** RemindersApi of review-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class RemindersRoutes implements RemindersApi {

    private final Route<RemindersApi> route;

    public RemindersRoutes(Services services) {
        this.route = services.review().route(RemindersApi.class);
    }

    @Override
    public ReminderRun run(LocalDate asOf, RegionCode regionCode) {
        return route.bulkWrite(api -> api.run(asOf, regionCode));
    }

    @Override
    public Page<Reminder> list(RegionCode regionCode, String requirementId, ReminderStage stage, Integer year,
            ComplianceStatus status, int page, int size) {
        return route.read(api -> api.list(regionCode, requirementId, stage, year, status, page, size));
    }
}
