package luoshi.gateway.rest;

import luoshi.api.region.RegionCode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Context;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.api.requirement.NewRequirement;
import luoshi.api.requirement.Owner;
import luoshi.api.requirement.OwnerList;
import luoshi.api.requirement.OwnerWrite;
import luoshi.api.requirement.ParameterSetting;
import luoshi.api.requirement.RequirementChange;
import luoshi.api.requirement.RequirementsApi;
import luoshi.gateway.client.Answers;
import luoshi.gateway.client.Route;
import luoshi.platform.Patch;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The requirements catalog at the gateway: each service serves the requirements it owns; the list
 * merges the three, a new requirement goes to the service that declares its rule type ({@link RuleTypes}), everything
 * about an existing requirement (its versions, parameters and owners) to the requirement's owner, found in the catalogs.
 */
public class RequirementsRoutes implements RequirementsApi {

    /**
     * The list keeps API.md's fixed shape {@code {"items":[…]}}, so a partial catalog says which
     * services are missing in this header instead.
     */
    public static final String INCOMPLETE_HEADER = "Luoshi-Incomplete";

    private final Catalogs catalogs;
    private final RuleTypes ruleTypes;

    @Context
    HttpServerResponse response;

    RequirementsRoutes(Catalogs catalogs, RuleTypes ruleTypes) {
        this.catalogs = catalogs;
        this.ruleTypes = ruleTypes;
    }

    @Override
    public RequirementList list() {
        Answers<RequirementList> answers = catalogs.read();
        if (!answers.complete()) {
            response.putHeader(INCOMPLETE_HEADER, String.join(", ", answers.incomplete()));
        }
        return new RequirementList(Catalogs.merged(answers));
    }

    @Override
    public RestResponse<Requirement> create(NewRequirement requirement) {
        return ruleTypes.ownerOf(requirement.rule()).route(RequirementsApi.class).write(api -> api.create(requirement));
    }

    @Override
    public Requirement get(String id) {
        return ownerOf(id).read(api -> api.get(id));
    }

    @Override
    public Requirement change(String id, RequirementChange change) {
        return ownerOf(id).write(api -> api.change(id, change));
    }

    @Override
    public ParameterSetting setParameters(String id, RegionCode regionCode, ObjectNode parameters) {
        return ownerOf(id).write(api -> api.setParameters(id, regionCode, Patch.sound(parameters)));
    }

    @Override
    public Owner setOwner(String id, RegionCode regionCode, OwnerWrite owner) {
        return ownerOf(id).write(api -> api.setOwner(id, regionCode, owner));
    }

    @Override
    public OwnerList owners(String id, RegionCode regionCode) {
        return ownerOf(id).read(api -> api.owners(id, regionCode));
    }

    private Route<RequirementsApi> ownerOf(String id) {
        return catalogs.ownerOf(id).route(RequirementsApi.class);
    }
}
