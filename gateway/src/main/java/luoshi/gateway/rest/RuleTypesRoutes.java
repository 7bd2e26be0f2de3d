package luoshi.gateway.rest;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Context;
import luoshi.api.requirement.RuleTypeList;
import luoshi.api.requirement.RuleTypesApi;
import luoshi.gateway.client.RequestIds;

/**
 * The rule types of the three services, merged ({@link RuleTypes}): kept for a while, asked afresh with
 * {@code Cache-Control: no-cache}; a service that did not answer is named in {@code Luoshi-Incomplete}, as the
 * requirements catalog does.
 */
public class RuleTypesRoutes implements RuleTypesApi {

    private final RuleTypes ruleTypes;

    @Context
    HttpServerResponse response;

    RuleTypesRoutes(RuleTypes ruleTypes) {
        this.ruleTypes = ruleTypes;
    }

    @Override
    public RuleTypeList list() {
        String cacheControl = RequestIds.cacheControl();
        RuleTypes.Declared declared = ruleTypes.current(cacheControl != null && cacheControl.contains("no-cache"));
        if (!declared.incomplete().isEmpty()) {
            response.putHeader(RequirementsRoutes.INCOMPLETE_HEADER, String.join(", ", declared.incomplete()));
        }
        return new RuleTypeList(declared.items());
    }
}
