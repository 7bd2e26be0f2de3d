package luoshi.replica;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Says in {@code /q/health} when the copy of regions is stale. Not a readiness check: the service
 * still answers from the copy it has, and its answers carry the warning.
 */
@Wellness
@ApplicationScoped
public class ReplicaHealth implements HealthCheck {

    private final RegionReplica replica;

    public ReplicaHealth(RegionReplica replica) {
        this.replica = replica;
    }

    @Override
    public HealthCheckResponse call() {
        ReplicaState s = replica.state();
        return HealthCheckResponse.named("region copy")
                .status(!s.stale())
                .withData("version", s.version())
                .withData("syncedAt", s.syncedAt() == null ? "never" : s.syncedAt().toString())
                .build();
    }
}
