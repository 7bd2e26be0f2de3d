package luoshi.gateway.rest;

import luoshi.api.region.RegionCode;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.review.Meeting;
import luoshi.api.review.MeetingType;
import luoshi.api.review.MeetingsApi;
import luoshi.api.review.NewMeeting;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import org.jboss.resteasy.reactive.RestResponse;

/** MeetingsApi of review-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class MeetingsRoutes implements MeetingsApi {

    private final Route<MeetingsApi> route;

    public MeetingsRoutes(Services services) {
        this.route = services.review().route(MeetingsApi.class);
    }

    @Override
    public RestResponse<Meeting> create(NewMeeting meeting) {
        return route.write(api -> api.create(meeting));
    }

    @Override
    public BatchResult createBatch(InputStream rows) {
        return route.bulkWrite(rows, MeetingsApi::createBatch);
    }

    @Override
    public BatchResult createBatchXlsx(InputStream workbook) {
        return route.bulkWrite(workbook, MeetingsApi::createBatchXlsx);
    }

    @Override
    public RestResponse<byte[]> batchTemplate() {
        return route.read(MeetingsApi::batchTemplate);
    }

    @Override
    public Page<Meeting> list(RegionCode regionCode, Integer year, MeetingType type, int page, int size) {
        return route.read(api -> api.list(regionCode, year, type, page, size));
    }

    @Override
    public void delete(String id) {
        route.run(api -> api.delete(id));
    }

    @Override
    public Meeting update(String id, NewMeeting meeting) {
        return route.write(api -> api.update(id, meeting));
    }
}
