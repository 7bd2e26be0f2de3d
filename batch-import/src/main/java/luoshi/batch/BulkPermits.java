package luoshi.batch;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import luoshi.api.common.Bulk;
import luoshi.api.common.Problem;
import luoshi.platform.BodyLimits;
import luoshi.platform.ContractMethods;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * At most {@code luoshi.batch.concurrent-imports} bulk bodies ({@link Bulk}) are read and stored at once in a service
 * (default {@value #DEFAULT_CONCURRENT}): a batch holds its rows in memory until they are written, so however many
 * callers send batches at once, the memory they take is bounded by a few batches' worth. Another batch waits its turn,
 * with its body unread, at most {@code luoshi.batch.import-wait} (default 60 s, the gateway's bulk timeout), then is a 503
 * problem. The turn is taken after the role and the byte limit are checked (a viewer's batch never waits), and given back
 * when the exchange ends, however it ends.
 */
@Singleton
public class BulkPermits {

    static final int DEFAULT_CONCURRENT = 2;

    private final Semaphore permits;
    private final long waitMs;

    BulkPermits(@ConfigProperty(name = "luoshi.batch.concurrent-imports", defaultValue = "" + DEFAULT_CONCURRENT) int concurrent,
            @ConfigProperty(name = "luoshi.batch.import-wait", defaultValue = "60s") java.time.Duration wait) {
        this.permits = new Semaphore(Math.max(1, concurrent), true);
        this.waitMs = wait.toMillis();
    }

    @ServerRequestFilter(priority = BodyLimits.PRIORITY + 100)
    public Response takeATurn(ContainerRequestContext request, SimpleResourceInfo resource, RoutingContext rc)
            throws InterruptedException {
        if (ContractMethods.annotation(resource, Bulk.class) == null) {
            return null;
        }
        if (!permits.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
            Problem busy = Problem.of(503, "Service Unavailable", "Other batches are being imported; this one waited "
                    + waitMs / 1000 + " s for its turn, its body unread. Nothing was stored: send it again later.");
            return Response.fromResponse(BodyLimits.refusal(rc, busy)).header(HttpHeaders.RETRY_AFTER.toString(), "10").build();
        }
        rc.addEndHandler(ended -> permits.release());
        return null;
    }
}
