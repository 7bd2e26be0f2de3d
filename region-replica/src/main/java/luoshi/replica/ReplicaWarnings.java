package luoshi.replica;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import luoshi.platform.ComplianceWarnings;

/** The compliance answers of a service with a read copy warn when the copy is behind org-service ({@link RegionReplica#warnings}). */
@ApplicationScoped
public class ReplicaWarnings implements ComplianceWarnings {

    private final RegionReplica replica;

    ReplicaWarnings(RegionReplica replica) {
        this.replica = replica;
    }

    @Override
    public List<String> warnings() {
        return replica.warnings();
    }
}
