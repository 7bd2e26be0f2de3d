package luoshi.org.rest;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.io.InputStream;
import luoshi.api.common.Page;
import luoshi.api.org.Leader;
import luoshi.api.org.LeaderRole;
import luoshi.api.org.NewLeader;
import luoshi.api.org.NewOrganization;
import luoshi.api.org.Organization;
import luoshi.api.org.OrganizationImport;
import luoshi.api.org.OrganizationRow;
import luoshi.api.org.OrganizationType;
import luoshi.api.org.OrganizationsApi;
import luoshi.batch.BatchReader;
import luoshi.org.service.OrganizationService;
import org.jboss.resteasy.reactive.RestResponse;

/** Organisations and leaders: a batch is read here as a stream; everything else, the caller's rights included, in {@link OrganizationService}. */
public class OrganizationsResource implements OrganizationsApi {

    private final OrganizationService organizations;
    private final BatchReader json;

    public OrganizationsResource(OrganizationService organizations, BatchReader json) {
        this.organizations = organizations;
        this.json = json;
    }

    @Override
    public RestResponse<Organization> create(NewOrganization organization) {
        return RestResponse.status(RestResponse.Status.CREATED, organizations.create(organization));
    }

    @Override
    public OrganizationImport importOrganizations(InputStream body) {
        return organizations.importOrganizations(json.read(body, OrganizationRow.class, MAX_BATCH_ROWS));
    }

    @Override
    public Page<Organization> list(RegionCode regionCode, RegionCode within, OrganizationType type, int page, int size) {
        return organizations.list(RegionCode.text(regionCode), RegionCode.text(within), type, page, size);
    }

    @Override
    public Organization get(long id) {
        return organizations.get(id);
    }

    @Override
    public RestResponse<Leader> addLeader(long id, NewLeader leader) {
        return RestResponse.status(RestResponse.Status.CREATED, organizations.addLeader(id, leader));
    }

    @Override
    public Page<Leader> leaders(long id, LocalDate asOf, LeaderRole role, int page, int size) {
        return organizations.leaders(id, asOf, role, page, size);
    }

    @Override
    public Organization patch(long id, ObjectNode changes) {
        return organizations.patch(id, changes);
    }

    @Override
    public void delete(long id) {
        organizations.delete(id);
    }

    @Override
    public Leader patchLeader(long id, long leaderId, ObjectNode changes) {
        return organizations.patchLeader(id, leaderId, changes);
    }

    @Override
    public void deleteLeader(long id, long leaderId) {
        organizations.deleteLeader(id, leaderId);
    }
}
