package luoshi.review.rest;

import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;
import luoshi.api.review.Meeting;
import luoshi.api.review.MeetingType;
import luoshi.api.review.MeetingsApi;
import luoshi.api.review.NewMeeting;
import luoshi.batch.BatchReader;
import luoshi.review.service.CommitteeImports;
import luoshi.review.service.CommitteeRecords;
import org.jboss.resteasy.reactive.RestResponse;

/** Meetings: a batch is read here as a stream; everything else, the caller's rights included, in {@link CommitteeRecords}. */
public class MeetingsResource implements MeetingsApi {

    private final CommitteeRecords records;
    private final CommitteeImports imports;
    private final BatchReader json;

    MeetingsResource(CommitteeRecords records, CommitteeImports imports, BatchReader json) {
        this.records = records;
        this.imports = imports;
        this.json = json;
    }

    @Override
    public RestResponse<Meeting> create(NewMeeting meeting) {
        return RestResponse.status(RestResponse.Status.CREATED, records.createMeeting(meeting));
    }

    @Override
    public BatchResult createBatch(InputStream body) {
        return imports.meetings(json.read(body, NewMeeting.class, BatchResult.MAX_ROWS));
    }

    @Override
    public Page<Meeting> list(RegionCode regionCode, Integer year, MeetingType type, int page, int size) {
        return records.meetings(RegionCode.text(regionCode), year, type, page, size);
    }

    @Override
    public void delete(String id) {
        records.deleteMeeting(id);
    }

    @Override
    public Meeting update(String id, NewMeeting meeting) {
        return records.updateMeeting(id, meeting);
    }
}
