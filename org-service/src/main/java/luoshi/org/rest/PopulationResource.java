package luoshi.org.rest;

import org.jboss.resteasy.reactive.RestResponse;
import luoshi.batch.XlsxTemplate;
import luoshi.batch.XlsxReader;
import luoshi.batch.Row;
import luoshi.batch.Columns.Column;
import luoshi.batch.Columns;
import java.io.InputStream;
import java.util.List;
import luoshi.api.common.BatchResult;
import luoshi.api.region.ImportResult;
import luoshi.api.region.Population;
import luoshi.api.region.PopulationApi;
import luoshi.api.region.PopulationRow;
import luoshi.api.region.PopulationWrite;
import luoshi.api.region.RegionCode;
import luoshi.batch.BatchReader;
import luoshi.batch.CsvReader;
import luoshi.org.service.PopulationService;

/** Population: a batch is read here as a stream (JSON or CSV); everything else, the caller's rights included, in {@link PopulationService}. */
public class PopulationResource implements PopulationApi {

    /** The columns of a population batch as rows of text: its CSV and XLSX bodies and its template. */
    static final Columns COLUMNS = Columns.of("population",
            Column.text("regionCode", "地区代码", "行政区划代码 the region's code, 330602").mandatory(),
            Column.whole("year", "年度", "the year, 2025").mandatory(),
            Column.whole("total", "总人口", "the population, ≥ 0").mandatory(),
            Column.whole("female", "女性人口", "women, at most total"),
            Column.whole("youth", "青年人口", "the young, at most total"));

    private final PopulationService population;
    private final BatchReader json;
    private final CsvReader csv;
    private final XlsxReader xlsx;

    public PopulationResource(PopulationService population, BatchReader json, CsvReader csv, XlsxReader xlsx) {
        this.population = population;
        this.json = json;
        this.csv = csv;
        this.xlsx = xlsx;
    }

    @Override
    public Population put(RegionCode code, int year, PopulationWrite write) {
        return population.put(new Population(code.value(), year, write.total(), write.female(), write.youth(), 0));
    }

    @Override
    public Population get(RegionCode code, int year) {
        return population.get(code.value(), year);
    }

    @Override
    public void delete(RegionCode code, int year) {
        population.delete(code.value(), year);
    }

    @Override
    public ImportResult importPopulation(InputStream body) {
        return imported(json.read(body, PopulationRow.class, BatchResult.MAX_ROWS));
    }

    @Override
    public ImportResult importPopulationCsv(InputStream body) {
        return imported(csv.read(body, COLUMNS.required(), COLUMNS.optional(), BatchResult.MAX_ROWS, PopulationResource::row));
    }

    @Override
    public ImportResult importPopulationXlsx(InputStream workbook) {
        return xlsx.read(workbook, COLUMNS, BatchResult.MAX_ROWS, PopulationResource::row).store(this::imported);
    }

    @Override
    public RestResponse<byte[]> populationTemplate() {
        return XlsxTemplate.answer(COLUMNS);
    }

    private static PopulationRow row(Row row) {
        return new PopulationRow(row.text("regionCode"), row.integer("year"), row.whole("total"), row.whole("female"),
                row.whole("youth"));
    }

    private ImportResult imported(List<PopulationRow> rows) {
        return population.importPopulation(rows.stream()
                .map(r -> new Population(r.regionCode(), r.year(), r.total(), r.female(), r.youth(), 0)).toList());
    }
}
