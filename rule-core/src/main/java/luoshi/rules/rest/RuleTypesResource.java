package luoshi.rules.rest;

import luoshi.api.requirement.RuleTypeList;
import luoshi.api.requirement.RuleTypesApi;
import luoshi.rules.catalog.RuleTypes;
import luoshi.security.Access;

/** The rule types this service evaluates (the gateway merges the three, and routes a new requirement by them). */
public class RuleTypesResource implements RuleTypesApi {

    private final RuleTypes types;
    private final Access access;

    RuleTypesResource(RuleTypes types, Access access) {
        this.types = types;
        this.access = access;
    }

    @Override
    public RuleTypeList list() {
        access.readAnywhere();
        return new RuleTypeList(types.declarations());
    }
}
