package luoshi.replica;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A compliance read of a service that keeps the copy, as the filter sees it: the region's name in the copy, or "-". */
@Path("/internal/v1/compliance/regions/{code}")
public class ComplianceProbe {

    private final RegionReplica replica;

    public ComplianceProbe(RegionReplica replica) {
        this.replica = replica;
    }

    @GET
    public String name(@PathParam("code") String code) {
        return replica.find(code).map(ReplicaRegion::name).orElse("-");
    }
}
