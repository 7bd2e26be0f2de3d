package luoshi.review.service;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import luoshi.review.service.WebhookTargets.Target;

/**
 * POSTs to a {@link Target}: the connection goes to the address that was checked, never to a second lookup of the
 * URL's host (API.md, Webhook targets). Vert.x's client keeps the two apart: {@code RequestOptions.server} is the
 * address to connect to (no name resolution), while {@code host} and {@code port} stay the URL's, so the request
 * carries {@code Host: <the URL's authority>} and, over https, sends the URL's host as SNI and verifies the server's
 * certificate against that host ({@code verifyHost}: endpoint identification by the host name, not by the address).
 * The JDK's {@code HttpClient}, which this replaced, can do neither: it resolves the URL's host itself when it
 * connects, and refuses a {@code Host} header.
 *
 * <p>Redirects are never followed (a public URL must not lead the sender to an internal one); connections are not
 * kept (a pooled connection would outlive the check of the address it goes to). The answer's body is discarded.
 */
public final class PinnedHttp implements AutoCloseable {

    private final HttpClient client;
    private final Duration timeout;

    public PinnedHttp(Vertx vertx, Duration timeout) {
        this(vertx, timeout, new HttpClientOptions());
    }

    /** With {@code options} as a test needs them (the trust of its own certificate authority). */
    PinnedHttp(Vertx vertx, Duration timeout, HttpClientOptions options) {
        this.timeout = timeout;
        this.client = vertx.createHttpClient(options.setVerifyHost(true).setKeepAlive(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
    }

    /**
     * POSTs {@code body} with {@code headers} to the target; the answer's status code. Everything up to the answer's
     * status is bounded by the timeout; the answer's body is then awaited (and dropped) for what is left of it, and a
     * body that takes longer is cut off: the status was the answer.
     *
     * @throws TimeoutException when no answer came in time
     * @throws IOException when no connection could be made or it failed (a certificate that does not name the host)
     */
    public int post(Target target, Map<String, String> headers, String body)
            throws IOException, TimeoutException, InterruptedException {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(target.host()).setPort(target.port()).setSsl(target.https())
                .setURI(target.pathAndQuery()).setFollowRedirects(false).setTimeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        request.putHeader(HttpHeaders.HOST, target.hostHeader());
        long deadline = System.nanoTime() + timeout.toNanos();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        HttpClientResponse response = await(client.request(request).compose(r -> {
            sent.set(r);
            return r.send(body);
        }), deadline, sent);
        int status = response.statusCode();
        try {
            await(response.end(), deadline, sent);
        } catch (TimeoutException | IOException e) {
            // the status is the answer; what the body does after it is the receiver's matter
        }
        return status;
    }

    private static <T> T await(Future<T> future, long deadline, AtomicReference<HttpClientRequest> sent)
            throws IOException, TimeoutException, InterruptedException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            HttpClientRequest r = sent.get();
            if (r != null) {
                r.reset();   // closes the connection: nothing of this exchange goes on in the background
            }
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException timedOut) {   // Vert.x's own request timeout
                throw timedOut;
            }
            throw new IOException(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
