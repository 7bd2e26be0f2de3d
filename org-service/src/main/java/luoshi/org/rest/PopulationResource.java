package luoshi.org.rest;

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

    private final PopulationService population;
    private final BatchReader json;
    private final CsvReader csv;

    public PopulationResource(PopulationService population, BatchReader json, CsvReader csv) {
        this.population = population;
        this.json = json;
        this.csv = csv;
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
        return imported(csv.read(body, List.of("regionCode", "year", "total"), List.of("female", "youth"), BatchResult.MAX_ROWS,
                row -> {
                    Long year = row.whole("year");
                    return new PopulationRow(row.text("regionCode"), year == null ? null : year.intValue(), row.whole("total"),
                            row.whole("female"), row.whole("youth"));
                }));
    }

    private ImportResult imported(List<PopulationRow> rows) {
        return population.importPopulation(rows.stream()
                .map(r -> new Population(r.regionCode(), r.year(), r.total(), r.female(), r.youth(), 0)).toList());
    }
}
