package luoshi.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import luoshi.platform.ContractOperations;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.IndexView;

/**
 * Documents the role of each operation ({@link Requires}, checked by {@link RoleCheck}) in the OpenAPI document of every
 * service and of the gateway: {@code x-luoshi-role} names it, and a sentence of the description says which roles may call.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RolesDocumentation implements OASFilter {

    private final Map<String, AnnotationInstance> roles;

    public RolesDocumentation(IndexView index) {
        this.roles = ContractOperations.byOperationId(index, Requires.class);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ContractOperations.forEach(openAPI, (path, op) -> {
            AnnotationInstance declared = op.getOperationId() == null ? null : roles.get(op.getOperationId());
            if (declared == null) {
                return;
            }
            Role role = Role.valueOf(declared.value().asEnum());
            op.addExtension("x-luoshi-role", role.group());
            ContractOperations.describe(op, "Role: " + role.group() + " (a token of " + RoleCheck.including(role) + "; any other is a 403" + (op.getRequestBody() != null
                    ? ", before the body is read)." : ")."));
        });
    }
}
