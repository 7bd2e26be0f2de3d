package luoshi.replica;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;

/** A compliance read of a service that keeps the copy, as the filter sees it: the region's name in the copy, or "-". */
public class ComplianceProbe implements ComplianceProbe.Read {

    /** Its contract: like every operation, it declares its role (security's RoleCheck refuses one that does not). */
    @Path("/internal/v1/compliance/regions/{code}")
    public interface Read {
        @GET
        @Requires(Role.VIEWER)
        String name(@PathParam("code") String code);
    }

    private final RegionReplica replica;

    public ComplianceProbe(RegionReplica replica) {
        this.replica = replica;
    }

    @Override
    public String name(String code) {
        return replica.find(code).map(ReplicaRegion::name).orElse("-");
    }
}
