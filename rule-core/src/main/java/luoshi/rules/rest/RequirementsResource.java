package luoshi.rules.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.api.region.RegionCode;
import luoshi.api.requirement.NewRequirement;
import luoshi.api.requirement.Owner;
import luoshi.api.requirement.OwnerList;
import luoshi.api.requirement.OwnerWrite;
import luoshi.api.requirement.ParameterSetting;
import luoshi.api.requirement.RequirementChange;
import luoshi.api.requirement.RequirementsApi;
import luoshi.rules.catalog.Owners;
import luoshi.rules.catalog.ParameterWrites;
import luoshi.rules.catalog.RequirementCatalog;
import luoshi.rules.catalog.RequirementWrites;
import luoshi.security.Access;
import org.jboss.resteasy.reactive.RestResponse;

/** This service's part of the requirements catalog (the gateway merges the three). */
public class RequirementsResource implements RequirementsApi {

    private final RequirementCatalog catalog;
    private final RequirementWrites writes;
    private final ParameterWrites settings;
    private final Owners owners;
    private final Access access;

    RequirementsResource(RequirementCatalog catalog, RequirementWrites writes, ParameterWrites settings, Owners owners,
            Access access) {
        this.catalog = catalog;
        this.writes = writes;
        this.settings = settings;
        this.owners = owners;
        this.access = access;
    }

    @Override
    public RequirementList list() {
        access.readAnywhere();
        return new RequirementList(catalog.all());
    }

    /** An admin issues a requirement for its own subtree (API.md, Security). */
    @Override
    public RestResponse<Requirement> create(NewRequirement requirement) {
        access.administer(requirement.issuerRegionCode());
        return RestResponse.status(RestResponse.Status.CREATED, writes.create(requirement));
    }

    @Override
    public ParameterSetting setParameters(String id, RegionCode regionCode, ObjectNode parameters) {
        access.administer(regionCode.value());
        return settings.set(id, regionCode.value(), parameters);
    }

    @Override
    public Requirement get(String id) {
        access.readAnywhere();
        return catalog.describe(id);
    }

    /** A new version, or the retirement of the latest: an admin of the issuer (API.md). */
    @Override
    public Requirement change(String id, RequirementChange change) {
        access.administer(catalog.get(id).issuerRegionCode());
        return writes.change(id, change);
    }

    @Override
    public Owner setOwner(String id, RegionCode regionCode, OwnerWrite owner) {
        return owners.set(id, regionCode.value(), owner);
    }

    @Override
    public OwnerList owners(String id, RegionCode regionCode) {
        return owners.list(id, RegionCode.text(regionCode));
    }
}
