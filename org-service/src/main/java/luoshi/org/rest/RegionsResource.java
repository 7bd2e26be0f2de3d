package luoshi.org.rest;

import java.io.InputStream;
import java.util.List;
import luoshi.api.common.Page;
import luoshi.api.region.ImportResult;
import luoshi.api.region.Region;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;
import luoshi.api.region.RegionWrite;
import luoshi.api.region.RegionsApi;
import luoshi.batch.BatchReader;
import luoshi.batch.CsvReader;
import luoshi.org.service.RegionService;
import org.jboss.resteasy.reactive.RestResponse;

/** Regions: a batch is read here as a stream (JSON or CSV); everything else, the caller's rights included, in {@link RegionService}. */
public class RegionsResource implements RegionsApi {

    private final RegionService regions;
    private final BatchReader json;
    private final CsvReader csv;

    public RegionsResource(RegionService regions, BatchReader json, CsvReader csv) {
        this.regions = regions;
        this.json = json;
        this.csv = csv;
    }

    @Override
    public RestResponse<Region> put(RegionCode code, RegionWrite write) {
        RegionService.Put put = regions.put(new Region(code.value(), write.name(), write.level(), write.parentCode(), 0));
        return RestResponse.status(put.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, put.region());
    }

    @Override
    public Region get(RegionCode code) {
        return regions.get(code.value());
    }

    @Override
    public Page<Region> children(RegionCode code, int page, int size) {
        return regions.children(code.value(), page, size);
    }

    @Override
    public ImportResult importRegions(InputStream body) {
        return regions.importRegions(json.read(body, Region.class, MAX_IMPORT_ROWS));
    }

    @Override
    public ImportResult importRegionsCsv(InputStream body) {
        return regions.importRegions(csv.read(body, List.of("code", "name", "level", "parentCode"), List.of(), MAX_IMPORT_ROWS,
                row -> new Region(row.text("code"), row.text("name"), row.oneOf("level", RegionLevel.class),
                        row.text("parentCode"), 0)));
    }
}
