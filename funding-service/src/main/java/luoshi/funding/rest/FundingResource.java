package luoshi.funding.rest;

import luoshi.batch.XlsxTemplate;
import luoshi.batch.XlsxReader;
import luoshi.batch.Columns.Column;
import luoshi.batch.Columns;
import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Page;
import luoshi.api.funding.FundingApi;
import luoshi.api.funding.FundingCategory;
import luoshi.api.funding.FundingRecord;
import luoshi.api.funding.NewFundingRecord;
import luoshi.batch.BatchReader;
import luoshi.funding.service.FundingService;
import org.jboss.resteasy.reactive.RestResponse;

/** Funding records: a batch is read here as a stream; everything else, the caller's rights included, in {@link FundingService}. */
public class FundingResource implements FundingApi {

    /** The columns of a funding batch as CSV-like rows: its XLSX body and template. */
    static final Columns COLUMNS = Columns.of("funding",
            Column.text("regionCode", "地区代码", "行政区划代码 the region's code, 330602001").mandatory(),
            Column.choice("category", "经费类别", FundingCategory.class, "one of").mandatory(),
            Column.whole("fiscalYear", "财政年度", "the fiscal (= calendar) year, 2025").mandatory(),
            Column.money("amount", "金额（元）", "yuan, > 0, at most two decimals: 20000.00").mandatory(),
            Column.text("documentRef", "文号", "the allocating document's number: 绍市财〔2025〕12号"));

    private final FundingService funding;
    private final BatchReader json;
    private final XlsxReader xlsx;

    FundingResource(FundingService funding, BatchReader json, XlsxReader xlsx) {
        this.funding = funding;
        this.json = json;
        this.xlsx = xlsx;
    }

    @Override
    public RestResponse<FundingRecord> create(NewFundingRecord record) {
        return RestResponse.status(RestResponse.Status.CREATED, funding.create(record));
    }

    @Override
    public BatchResult createBatch(InputStream body) {
        return funding.createBatch(json.read(body, NewFundingRecord.class, BatchResult.MAX_ROWS));
    }

    @Override
    public BatchResult createBatchXlsx(InputStream workbook) {
        return xlsx.read(workbook, COLUMNS, BatchResult.MAX_ROWS, row -> new NewFundingRecord(row.text("regionCode"),
                row.oneOf("category", FundingCategory.class), row.integer("fiscalYear"), row.decimal("amount"),
                row.text("documentRef"))).store(funding::createBatch);
    }

    @Override
    public RestResponse<byte[]> batchTemplate() {
        return XlsxTemplate.answer(COLUMNS);
    }

    @Override
    public Page<FundingRecord> list(RegionCode regionCode, Integer fiscalYear, FundingCategory category, int page, int size) {
        return funding.list(RegionCode.text(regionCode), fiscalYear, category, page, size);
    }

    @Override
    public FundingRecord get(String id) {
        return funding.get(id);
    }

    @Override
    public FundingRecord update(String id, NewFundingRecord record) {
        return funding.update(id, record);
    }

    @Override
    public FundingRecord patch(String id, ObjectNode changes) {
        return funding.patch(id, changes);
    }

    @Override
    public void delete(String id) {
        funding.delete(id);
    }
}
