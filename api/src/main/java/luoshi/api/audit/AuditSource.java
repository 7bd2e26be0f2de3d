package luoshi.api.audit;

import luoshi.api.region.RegionCode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import luoshi.api.common.Page;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;

/**
 * One service's audit trail (internal): the newest {@code limit} events of a subtree and period, and
 * how many there are. The gateway merges the three into the pages of {@link AuditApi}.
 */
@Path("/internal/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditSource {

    @GET
    @Requires(Role.ADMIN)
    Page<AuditEvent> newest(@QueryParam("regionCode") RegionCode regionCode, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("limit") int limit);
}
