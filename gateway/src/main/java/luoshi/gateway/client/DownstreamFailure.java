package luoshi.gateway.client;

/**
 * A downstream service failed (5xx): a fault, so it is retried for reads and counts against the
 * circuit breaker, unlike a 4xx, which is the service's answer ({@link luoshi.platform.ProblemException}).
 */
public class DownstreamFailure extends RuntimeException {

    public DownstreamFailure(String service, int status) {
        super(service + " answered " + status);
    }
}
