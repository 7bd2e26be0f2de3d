package luoshi.gateway.sample;

import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** The pattern of gateway/README.md, exactly as a route class of the gateway is written. */
public class SampleRoutes implements SampleApi {

    private final Route<SampleApi> org;

    SampleRoutes(Services services) {
        this.org = services.org().route(SampleApi.class);
    }

    @Override
    public Sample get(String code) {
        return org.read(api -> api.get(code));
    }

    @Override
    public RestResponse<Sample> create(Sample sample) {
        return org.write(api -> api.create(sample));
    }

    @Override
    public int importAll(List<Sample> samples) {
        return org.bulkWrite(api -> api.importAll(samples));
    }

    @Override
    public void delete(String code) {
        org.run(api -> api.delete(code));
    }
}
