package luoshi.rules.rest;

import java.time.LocalDate;
import luoshi.api.region.RegionCode;
import luoshi.api.waiver.NewWaiver;
import luoshi.api.waiver.Waiver;
import luoshi.api.waiver.WaiverList;
import luoshi.api.waiver.WaiversApi;
import luoshi.rules.catalog.Waivers;
import org.jboss.resteasy.reactive.RestResponse;

/** The waivers of this service's requirements (the gateway routes a waiver to its requirement's owner). */
public class WaiversResource implements WaiversApi {

    private final Waivers waivers;

    public WaiversResource(Waivers waivers) {
        this.waivers = waivers;
    }

    @Override
    public RestResponse<Waiver> create(NewWaiver waiver) {
        return RestResponse.status(RestResponse.Status.CREATED, waivers.grant(waiver));
    }

    @Override
    public WaiverList list(RegionCode regionCode, String requirementId, LocalDate activeOn) {
        return new WaiverList(waivers.list(RegionCode.text(regionCode), requirementId, activeOn));
    }

    @Override
    public void revoke(String id) {
        waivers.revoke(id);
    }
}
