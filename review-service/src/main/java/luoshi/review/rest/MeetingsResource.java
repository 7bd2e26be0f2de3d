package luoshi.review.rest;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.review.Meeting;
import luoshi.api.review.MeetingType;
import luoshi.api.review.MeetingsApi;
import luoshi.api.review.NewMeeting;
import luoshi.review.service.CommitteeImports;
import luoshi.review.service.CommitteeRecords;
import luoshi.security.Access;
import org.jboss.resteasy.reactive.RestResponse;

/** Meetings: an operator writes (and deletes) in its subtree, a viewer reads there (API.md, Security). */
public class MeetingsResource implements MeetingsApi {

    private final CommitteeRecords records;
    private final CommitteeImports imports;
    private final Access access;
    private final KnownRegions regions;

    MeetingsResource(CommitteeRecords records, CommitteeImports imports, Access access, KnownRegions regions) {
        this.records = records;
        this.imports = imports;
        this.access = access;
        this.regions = regions;
    }

    @Override
    public RestResponse<Meeting> create(NewMeeting meeting) {
        regions.write(meeting.regionCode());
        return RestResponse.status(RestResponse.Status.CREATED, records.createMeeting(meeting));
    }

    /** Every row's region is checked (Access.writeRows, then known) by the import, before anything is written. */
    @Override
    public BatchResult createBatch(ArrayNode rows) {
        return imports.meetings(rows);
    }

    @Override
    public Page<Meeting> list(RegionCode regionCode, Integer year, MeetingType type, int page, int size) {
        return records.meetings(RegionCode.text(regionCode), access.readScope(RegionCode.text(regionCode)), year, type, page, size);
    }

    @Override
    public void delete(String id) {
        access.write(records.meetingRegion(id));
        records.deleteMeeting(id);
    }

    @Override
    public Meeting update(String id, NewMeeting meeting) {
        regions.correct(records.meetingRegion(id), meeting.regionCode());
        return records.updateMeeting(id, meeting);
    }
}
