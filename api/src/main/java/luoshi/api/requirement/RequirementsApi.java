package luoshi.api.requirement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The requirements catalog (API.md, "Requirements catalog"). Each service serves the requirements
 * it owns at these paths; the gateway merges the lists and routes a write to the owner (by the
 * requirement's {@code owner}, or for a new one by its rule type).
 */
@Path("/api/v1/requirements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "requirements", description = "The requirements catalog (要求清单) and jurisdiction parameters")
public interface RequirementsApi {

    @GET
    @Operation(operationId = "listRequirements", summary = "The requirements catalog", description = "Every requirement with its issuer, levels, period and rule.")
    RequirementList list();

    @POST
    @Operation(operationId = "createRequirement", summary = "Add a requirement of an existing rule type (admin)",
            description = "For example Jiangsu (320000) requiring 30,000 CNY a year for its townships' youth league work.")
    @APIResponseSchema(value = Requirement.class, responseCode = "201", responseDescription = "Added")
    @APIResponse(responseCode = "400", description = "Invalid field, or a rule type no service owns")
    RestResponse<Requirement> create(@Valid @NotNull NewRequirement requirement);

    @PUT
    @Path("/{id}/parameters/{regionCode}")
    @Operation(operationId = "putRequirementParameters", summary = "Set a stricter parameter for a region's subtree",
            description = "The most specific setting wins. A value laxer than the one in force (the issuer's) is refused with 400 naming it.")
    ParameterSetting setParameters(@PathParam("id") String id, @PathParam("regionCode") String regionCode,
            @NotNull ObjectNode parameters);
}
