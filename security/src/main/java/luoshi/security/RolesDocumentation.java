package luoshi.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import luoshi.platform.ContractOperations;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.IndexView;

/**
 * Documents the role of each operation ({@link Requires}, checked by {@link RoleCheck}) in the OpenAPI document of every
 * service and of the gateway: {@code x-luoshi-role} names it, and a sentence of the description says which roles may call.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RolesDocumentation extends ContractOperations {

    public RolesDocumentation(IndexView index) {
        super(index, Requires.class);
    }

    @Override
    protected void document(OpenAPI openAPI, Operation op, AnnotationInstance requires) {
        if (requires == null) {
            return;
        }
        Role role = Role.valueOf(requires.value().asEnum());
        op.addExtension("x-luoshi-role", role.group());
        describe(op, "Role: " + role.group() + " (a token of " + RoleCheck.including(role) + "; any other is a 403"
                + (op.getRequestBody() != null ? ", before the body is read)." : ")."));
    }
}
