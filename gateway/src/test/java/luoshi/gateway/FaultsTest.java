package luoshi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import luoshi.api.common.Problem;
import luoshi.gateway.client.DownstreamFailure;
import luoshi.gateway.client.Faults;
import luoshi.platform.ProblemException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Which failures the breakers count and the reads try again: the service's faults only (5xx, timeouts, broken
 * exchanges), never a 4xx, however it arrives, nor the gateway's own decisions or failures.
 */
class FaultsTest {

    @Test
    void aClientErrorIsNeverAFaultWhateverExceptionCarriesIt() {
        for (Throwable answer : new Throwable[] {new ProblemException(Problem.of(404, "Not Found", "No region 330699.")),
                new BadRequestException(), new NotFoundException(), new WebApplicationException(409),
                new WebApplicationException(429), new CompletionException(new WebApplicationException(422))}) {
            assertThat(Faults.isFault(answer)).as(answer.toString()).isFalse();
            assertThat(Faults.isWorthRetrying(answer)).as(answer.toString()).isFalse();
            assertThat(Faults.clientErrorStatus(answer)).as(answer.toString()).isBetween(400, 499);
        }
    }

    @Test
    void serverErrorsTimeoutsAndBrokenExchangesAreFaults() {
        for (Throwable fault : new Throwable[] {new DownstreamFailure("org-service", 500), new WebApplicationException(502),
                new ProcessingException(new ConnectException("Connection refused")), new IOException("Connection reset by peer"),
                new RuntimeException(new VertxException("Connection was closed")), new TimeoutException(),
                new CompletionException(new DownstreamFailure("org-service", 503))}) {
            assertThat(Faults.isFault(fault)).as(fault.toString()).isTrue();
            assertThat(Faults.clientErrorStatus(fault)).as(fault.toString()).isZero();
        }
        // a slow service costs its timeout once
        assertThat(Faults.isWorthRetrying(new TimeoutException())).isFalse();
        assertThat(Faults.isWorthRetrying(new CompletionException(new TimeoutException()))).isFalse();
        assertThat(Faults.isWorthRetrying(new DownstreamFailure("org-service", 500))).isTrue();
        assertThat(Faults.isWorthRetrying(new ProcessingException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void theGatewaysOwnDecisionsAndFailuresAreNotTheServicesFaults() {
        for (Throwable own : new Throwable[] {new CircuitBreakerOpenException(), new BulkheadException(),
                new IllegalStateException("a bug"), new NullPointerException()}) {
            assertThat(Faults.isFault(own)).as(own.toString()).isFalse();
            assertThat(Faults.isWorthRetrying(own)).as(own.toString()).isFalse();
            assertThat(Faults.clientErrorStatus(own)).as(own.toString()).isZero();
        }
    }
}
