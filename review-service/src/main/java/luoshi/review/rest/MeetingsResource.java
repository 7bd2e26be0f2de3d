package luoshi.review.rest;

import jakarta.inject.Inject;
import luoshi.api.common.Page;
import luoshi.api.review.Meeting;
import luoshi.api.review.MeetingType;
import luoshi.api.review.MeetingsApi;
import luoshi.api.review.NewMeeting;
import luoshi.review.committee.CommitteeRecords;
import org.jboss.resteasy.reactive.RestResponse;

public class MeetingsResource implements MeetingsApi {

    @Inject
    CommitteeRecords records;

    @Override
    public RestResponse<Meeting> create(NewMeeting meeting) {
        return RestResponse.status(RestResponse.Status.CREATED, records.createMeeting(meeting));
    }

    @Override
    public Page<Meeting> list(String regionCode, Integer year, MeetingType type, int page, int size) {
        return records.meetings(regionCode, year, type, page, size);
    }

    @Override
    public void delete(String id) {
        records.deleteMeeting(id);
    }
}
