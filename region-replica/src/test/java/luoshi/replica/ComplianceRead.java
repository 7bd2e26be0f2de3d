package luoshi.replica;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;

/** The contract of {@link ComplianceProbe}: like every operation, it declares its role (security's RoleCheck refuses one that does not). */
@Path("/internal/v1/compliance/regions/{code}")
public interface ComplianceRead {

    @GET
    @Requires(Role.VIEWER)
    String name(@PathParam("code") String code);
}
