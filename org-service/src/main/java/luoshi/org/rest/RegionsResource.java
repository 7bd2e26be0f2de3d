package luoshi.org.rest;

import luoshi.api.region.RegionCode;
import java.util.List;
import luoshi.api.common.Page;
import luoshi.api.region.ImportResult;
import luoshi.api.region.Region;
import luoshi.api.region.RegionLevel;
import luoshi.api.region.RegionWrite;
import luoshi.api.region.RegionsApi;
import luoshi.org.service.RegionService;
import luoshi.security.Access;
import org.jboss.resteasy.reactive.RestResponse;

/** Reads are checked here (the region is in the path); writes in {@link RegionService}, after the rows' own checks. */
public class RegionsResource implements RegionsApi {

    private final RegionService regions;
    private final CsvRecords csv;
    private final Access access;

    public RegionsResource(RegionService regions, CsvRecords csv, Access access) {
        this.regions = regions;
        this.csv = csv;
        this.access = access;
    }

    @Override
    public RestResponse<Region> put(RegionCode code, RegionWrite write) {
        RegionService.Put put = regions.put(new Region(code.value(), write.name(), write.level(), write.parentCode(), 0));
        return RestResponse.status(put.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, put.region());
    }

    @Override
    public Region get(RegionCode code) {
        access.read(code.value());
        return regions.get(code.value());
    }

    @Override
    public Page<Region> children(RegionCode code, int page, int size) {
        access.read(code.value()); // 000000's children (the provinces): a country-wide caller only
        return regions.children(code.value(), page, size);
    }

    @Override
    public ImportResult importRegions(List<Region> rows) {
        return regions.importRegions(rows);
    }

    @Override
    public ImportResult importRegionsCsv(String text) {
        return regions.importRegions(csv.read(text, List.of("code", "name", "level", "parentCode"), List.of(),
                row -> new Region(row.text("code"), row.text("name"), row.oneOf("level", RegionLevel.class),
                        row.text("parentCode"), 0)));
    }
}
