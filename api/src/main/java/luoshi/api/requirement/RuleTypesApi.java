package luoshi.api.requirement;

import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The rule types a requirement may be of. Each service declares the types it evaluates (from its rule-type classes)
 * at this path; the gateway merges the three and sends {@code POST /api/v1/requirements} to the service that declares
 * the rule's type.
 */
@Path("/api/v1/rule-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rule-types", description = "The rule types a requirement may be of (规则类型), and the service that evaluates each")
public interface RuleTypesApi {

    @GET
    @Requires(Role.VIEWER)
    @Operation(operationId = "listRuleTypes", summary = "The rule types a requirement may be of",
            description = "Each with the service that evaluates it, a valid example rule object, the parameters a "
                    + "jurisdiction may make stricter, and the parameter without which a requirement is NOT_APPLICABLE.")
    @APIResponse(responseCode = "200", description = "The rule types, by type")
    RuleTypeList list();
}
