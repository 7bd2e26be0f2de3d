package luoshi.review.rest;

import luoshi.batch.XlsxTemplate;
import luoshi.batch.XlsxReader;
import luoshi.batch.Columns.Column;
import luoshi.batch.Columns;
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

    /** The columns of a meetings batch as CSV-like rows: its XLSX body and template. */
    static final Columns COLUMNS = Columns.of("meetings",
            Column.text("regionCode", "地区代码", "行政区划代码 the code of the region whose committee met, 330600").mandatory(),
            Column.choice("type", "会议类型", MeetingType.class, "one of").mandatory(),
            Column.date("date", "会议日期", "a date cell, or ISO text: 2025-03-10").mandatory(),
            Column.text("title", "会议名称", "at most 255 characters: 市委常委会专题研究党的群团工作").mandatory(),
            Column.text("documentRef", "文号", "the meeting's document number, if any: 绍市委常〔2025〕3号"));

    private final CommitteeRecords records;
    private final CommitteeImports imports;
    private final BatchReader json;
    private final XlsxReader xlsx;

    MeetingsResource(CommitteeRecords records, CommitteeImports imports, BatchReader json, XlsxReader xlsx) {
        this.records = records;
        this.imports = imports;
        this.json = json;
        this.xlsx = xlsx;
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
    public BatchResult createBatchXlsx(InputStream workbook) {
        return xlsx.read(workbook, COLUMNS, BatchResult.MAX_ROWS, row -> new NewMeeting(row.text("regionCode"),
                row.oneOf("type", MeetingType.class), row.date("date"), row.text("title"), row.text("documentRef")))
                .store(imports::meetings);
    }

    @Override
    public RestResponse<byte[]> batchTemplate() {
        return XlsxTemplate.answer(COLUMNS);
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
