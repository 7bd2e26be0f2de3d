package luoshi.org.rest;

import luoshi.api.region.RegionCode;
import java.util.List;
import luoshi.api.region.ImportResult;
import luoshi.api.region.Population;
import luoshi.api.region.PopulationApi;
import luoshi.api.region.PopulationRow;
import luoshi.api.region.PopulationWrite;
import luoshi.org.service.PopulationService;
import luoshi.security.Access;

/** Reads are checked here; writes in {@link PopulationService}, every row of a batch. */
public class PopulationResource implements PopulationApi {

    private final PopulationService population;
    private final CsvRecords csv;
    private final Access access;

    public PopulationResource(PopulationService population, CsvRecords csv, Access access) {
        this.population = population;
        this.csv = csv;
        this.access = access;
    }

    @Override
    public Population put(RegionCode code, int year, PopulationWrite write) {
        return population.put(new Population(code.value(), year, write.total(), write.female(), write.youth(), 0));
    }

    @Override
    public Population get(RegionCode code, int year) {
        access.read(code.value());
        return population.get(code.value(), year);
    }

    @Override
    public void delete(RegionCode code, int year) {
        population.delete(code.value(), year);
    }

    @Override
    public ImportResult importPopulation(List<PopulationRow> rows) {
        return population.importPopulation(rows.stream().map(PopulationResource::population).toList());
    }

    @Override
    public ImportResult importPopulationCsv(String text) {
        List<PopulationRow> rows = csv.read(text, List.of("regionCode", "year", "total"), List.of("female", "youth"),
                row -> {
                    Long year = row.whole("year");
                    return new PopulationRow(row.text("regionCode"), year == null ? null : year.intValue(), row.whole("total"),
                            row.whole("female"), row.whole("youth"));
                });
        return population.importPopulation(rows.stream().map(PopulationResource::population).toList());
    }

    private static Population population(PopulationRow r) {
        return new Population(r.regionCode(), r.year(), r.total(), r.female(), r.youth(), 0);
    }
}
