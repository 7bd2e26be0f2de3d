package luoshi.replica;

/** A compliance read of a service that keeps the copy, as the filter sees it: the region's name in the copy, or "-". */
public class ComplianceProbe implements ComplianceRead {

    private final RegionReplica replica;

    public ComplianceProbe(RegionReplica replica) {
        this.replica = replica;
    }

    @Override
    public String name(String code) {
        return replica.find(code).map(ReplicaRegion::name).orElse("-");
    }
}
