package luoshi.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.api.requirement.NewRequirement;
import luoshi.api.requirement.ParameterSetting;
import luoshi.api.requirement.RequirementsApi;
import org.jboss.resteasy.reactive.RestResponse;

/** This service's part of the requirements catalog (the gateway merges the three). */
public class RequirementsResource implements RequirementsApi {

    private final RequirementCatalog catalog;

    public RequirementsResource(RequirementCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public RequirementList list() {
        return new RequirementList(catalog.all());
    }

    @Override
    public RestResponse<Requirement> create(NewRequirement requirement) {
        return RestResponse.status(RestResponse.Status.CREATED, catalog.create(requirement));
    }

    @Override
    public ParameterSetting setParameters(String id, String regionCode, ObjectNode parameters) {
        return catalog.setParameters(id, regionCode, parameters);
    }
}
