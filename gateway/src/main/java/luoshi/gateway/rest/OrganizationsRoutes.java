package luoshi.gateway.rest;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.LocalDate;
import luoshi.api.common.Page;
import luoshi.api.org.Leader;
import luoshi.api.org.LeaderRole;
import luoshi.api.org.NewLeader;
import luoshi.api.org.NewOrganization;
import luoshi.api.org.Organization;
import luoshi.api.org.OrganizationImport;
import luoshi.api.org.OrganizationType;
import luoshi.api.org.OrganizationsApi;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import luoshi.platform.Patch;
import org.jboss.resteasy.reactive.RestResponse;

/** OrganizationsApi of org-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class OrganizationsRoutes implements OrganizationsApi {

    private final Route<OrganizationsApi> route;

    public OrganizationsRoutes(Services services) {
        this.route = services.org().route(OrganizationsApi.class);
    }

    @Override
    public RestResponse<Organization> create(NewOrganization organization) {
        return route.write(api -> api.create(organization));
    }

    @Override
    public OrganizationImport importOrganizations(InputStream rows) {
        return route.bulkWrite(rows, OrganizationsApi::importOrganizations);
    }

    @Override
    public Page<Organization> list(RegionCode regionCode, RegionCode within, OrganizationType type, int page, int size) {
        return route.read(api -> api.list(regionCode, within, type, page, size));
    }

    @Override
    public Organization get(long id) {
        return route.read(api -> api.get(id));
    }

    @Override
    public RestResponse<Leader> addLeader(long id, NewLeader leader) {
        return route.write(api -> api.addLeader(id, leader));
    }

    @Override
    public Page<Leader> leaders(long id, LocalDate asOf, LeaderRole role, int page, int size) {
        return route.read(api -> api.leaders(id, asOf, role, page, size));
    }

    @Override
    public Organization patch(long id, ObjectNode changes) {
        return route.write(api -> api.patch(id, Patch.sound(changes)));
    }

    @Override
    public void delete(long id) {
        route.run(api -> api.delete(id));
    }

    @Override
    public Leader patchLeader(long id, long leaderId, ObjectNode changes) {
        return route.write(api -> api.patchLeader(id, leaderId, Patch.sound(changes)));
    }

    @Override
    public void deleteLeader(long id, long leaderId) {
        route.run(api -> api.deleteLeader(id, leaderId));
    }
}
