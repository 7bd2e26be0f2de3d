package luoshi.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.api.requirement.NewRequirement;
import luoshi.api.requirement.ParameterSetting;
import luoshi.api.requirement.RequirementsApi;
import luoshi.security.Access;
import org.jboss.resteasy.reactive.RestResponse;

/** This service's part of the requirements catalog (the gateway merges the three). */
public class RequirementsResource implements RequirementsApi {

    private final RequirementCatalog catalog;
    private final Access access;

    public RequirementsResource(RequirementCatalog catalog, Access access) {
        this.catalog = catalog;
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
        return RestResponse.status(RestResponse.Status.CREATED, catalog.create(requirement));
    }

    @Override
    public ParameterSetting setParameters(String id, String regionCode, ObjectNode parameters) {
        access.administer(regionCode);
        return catalog.setParameters(id, regionCode, parameters);
    }

    @Override
    public Requirement get(String id) {
        throw new UnsupportedOperationException("TODO #17");
    }

    @Override
    public Requirement change(String id, luoshi.api.requirement.RequirementChange change) {
        throw new UnsupportedOperationException("TODO #17");
    }

    @Override
    public luoshi.api.requirement.Owner setOwner(String id, String regionCode, luoshi.api.requirement.OwnerWrite owner) {
        throw new UnsupportedOperationException("TODO #17");
    }

    @Override
    public luoshi.api.requirement.OwnerList owners(String id, String regionCode) {
        throw new UnsupportedOperationException("TODO #17");
    }
}
