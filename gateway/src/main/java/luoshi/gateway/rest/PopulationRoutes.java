package luoshi.gateway.rest;

import org.jboss.resteasy.reactive.RestResponse;
import luoshi.api.region.RegionCode;
import java.io.InputStream;
import luoshi.api.region.ImportResult;
import luoshi.api.region.Population;
import luoshi.api.region.PopulationApi;
import luoshi.api.region.PopulationWrite;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;

/** PopulationApi of org-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class PopulationRoutes implements PopulationApi {

    private final Route<PopulationApi> route;

    public PopulationRoutes(Services services) {
        this.route = services.org().route(PopulationApi.class);
    }

    @Override
    public Population put(RegionCode code, int year, PopulationWrite population) {
        return route.write(api -> api.put(code, year, population));
    }

    @Override
    public Population get(RegionCode code, int year) {
        return route.read(api -> api.get(code, year));
    }

    @Override
    public void delete(RegionCode code, int year) {
        route.run(api -> api.delete(code, year));
    }

    @Override
    public ImportResult importPopulation(InputStream rows) {
        return route.bulkWrite(rows, PopulationApi::importPopulation);
    }

    @Override
    public ImportResult importPopulationCsv(InputStream csv) {
        return route.bulkWrite(csv, PopulationApi::importPopulationCsv);
    }

    @Override
    public ImportResult importPopulationXlsx(InputStream workbook) {
        return route.bulkWrite(workbook, PopulationApi::importPopulationXlsx);
    }

    @Override
    public RestResponse<byte[]> populationTemplate() {
        return route.read(PopulationApi::populationTemplate);
    }
}
