package luoshi.funding.rest;

import org.jboss.resteasy.reactive.RestResponse;
import luoshi.batch.XlsxTemplate;
import luoshi.batch.XlsxReader;
import luoshi.batch.Columns.Column;
import luoshi.batch.Columns;
import luoshi.api.region.RegionCode;
import java.io.InputStream;
import luoshi.api.common.BatchResult;
import luoshi.api.funding.UnionFeeRecord;
import luoshi.api.funding.UnionFeeRow;
import luoshi.api.funding.UnionFees;
import luoshi.api.funding.UnionFeesApi;
import luoshi.batch.BatchReader;
import luoshi.funding.service.UnionFeeService;

/** Union fees: a batch is read here as a stream; everything else, the caller's rights included, in {@link UnionFeeService}. */
public class UnionFeesResource implements UnionFeesApi {

    /** The columns of a union fees batch as CSV-like rows: its XLSX body and template. */
    static final Columns COLUMNS = Columns.of("union-fees",
            Column.text("regionCode", "地区代码", "行政区划代码 the region's code, 330602").mandatory(),
            Column.whole("year", "年度", "the year, 2025").mandatory(),
            Column.money("due", "应收（元）", "the fees due, yuan, ≥ 0, at most two decimals").mandatory(),
            Column.money("collected", "实收（元）", "the fees collected, yuan, ≥ 0, at most two decimals").mandatory());

    private final UnionFeeService unionFees;
    private final BatchReader json;
    private final XlsxReader xlsx;

    UnionFeesResource(UnionFeeService unionFees, BatchReader json, XlsxReader xlsx) {
        this.unionFees = unionFees;
        this.json = json;
        this.xlsx = xlsx;
    }

    @Override
    public UnionFeeRecord put(RegionCode regionCode, int year, UnionFees fees) {
        return unionFees.put(RegionCode.text(regionCode), year, fees);
    }

    @Override
    public BatchResult putBatch(InputStream body) {
        return unionFees.putBatch(json.read(body, UnionFeeRow.class, BatchResult.MAX_ROWS, UnionFeeService.rowRule()));
    }

    @Override
    public BatchResult putBatchXlsx(InputStream workbook) {
        return xlsx.read(workbook, COLUMNS, BatchResult.MAX_ROWS, row -> new UnionFeeRow(row.text("regionCode"),
                row.integer("year"), row.decimal("due"), row.decimal("collected")), UnionFeeService.rowRule())
                .store(unionFees::putBatch);
    }

    @Override
    public RestResponse<byte[]> batchTemplate() {
        return XlsxTemplate.answer(COLUMNS);
    }

    @Override
    public UnionFeeRecord get(RegionCode regionCode, int year) {
        return unionFees.get(RegionCode.text(regionCode), year);
    }

    @Override
    public void delete(RegionCode regionCode, int year) {
        unionFees.delete(RegionCode.text(regionCode), year);
    }
}
