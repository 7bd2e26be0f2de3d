package luoshi.review.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import luoshi.review.service.WebhookTargets.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A delivery connects to the address that was checked, while the request, its SNI and the certificate check all use
 * the URL's host (API.md, Webhook targets). The receiver listens on 127.0.0.1 only; the URL names a host that no DNS
 * knows, so a client that looked the name up again could not reach it at all.
 */
class PinnedHttpTest {

    private static final String HOST = "hooks.pinned.test";
    private static final String PASSWORD = "pinned-test";
    /**
     * Generous: a TLS handshake with a fresh SSL context takes seconds on a busy test machine, and only a lower bound
     * on the time is ever asserted.
     */
    private static final Duration TLS_TIMEOUT = Duration.ofSeconds(60);
    private static Path keyStore;

    private final Vertx vertx = Vertx.vertx();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** What the receiver saw of one request. */
    private record Seen(String host, String uri, String serverName, String signature, String body) {
    }

    /** A certificate for {@value #HOST} only, made for this run with the JDK's keytool (never one from the repository). */
    @BeforeAll
    static void makeCertificate() throws Exception {
        Path dir = Files.createTempDirectory("pinned-http-test");
        keyStore = dir.resolve("hooks.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hooks", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + HOST,
                "-ext", "SAN=dns:" + HOST, "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private int listen(HttpServerOptions options, Consumer<HttpServerRequest> answer) throws Exception {
        HttpServer server = vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0)).requestHandler(request ->
                request.body().onSuccess(body -> {
                    seen.add(new Seen(request.getHeader("Host"), request.uri(), request.connection().indicatedServerName(),
                            request.getHeader("webhook-signature"), body.toString()));
                    answer.accept(request);
                }));
        return server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    private static Target target(String url) throws Exception {
        return new Target(URI.create(url), InetAddress.getByName("127.0.0.1"));
    }

    private static HttpServerOptions tls() {
        return new HttpServerOptions().setSsl(true).setSni(true)
                .setKeyCertOptions(new PfxOptions().setPath(keyStore.toString()).setPassword(PASSWORD));
    }

    /** A client that trusts the receiver's certificate, as the JDK's trust store trusts a public one. */
    private PinnedHttp trustingClient() {
        return new PinnedHttp(vertx, TLS_TIMEOUT, new HttpClientOptions()
                .setTrustOptions(new PfxOptions().setPath(keyStore.toString()).setPassword(PASSWORD)));
    }

    @Test
    void overHttpTheConnectionGoesToTheCheckedAddressWithTheUrlsHostAndTarget() throws Exception {
        int port = listen(new HttpServerOptions(), request -> request.response().setStatusCode(204).end());
        try (PinnedHttp http = new PinnedHttp(vertx, Duration.ofSeconds(5))) {
            int status = http.post(target("http://" + HOST + ":" + port + "/hook?tenant=330602"),
                    Map.of("content-type", "application/json", "webhook-signature", "v1,abc"), "{\"event\":\"reminder.created\"}");
            assertThat(status).isEqualTo(204);
        }
        assertThat(seen).containsExactly(new Seen(HOST + ":" + port, "/hook?tenant=330602", null, "v1,abc",
                "{\"event\":\"reminder.created\"}"));
    }

    @Test
    void overHttpsTheUrlsHostIsTheSniAndTheNameTheCertificateMustProve() throws Exception {
        int port = listen(tls(), request -> request.response().setStatusCode(200).end("ok"));
        try (PinnedHttp http = trustingClient()) {
            assertThat(http.post(target("https://" + HOST + ":" + port + "/hook"), Map.of(), "{}")).isEqualTo(200);
            assertThat(seen).singleElement().satisfies(s -> {
                assertThat(s.serverName()).isEqualTo(HOST);
                assertThat(s.host()).isEqualTo(HOST + ":" + port);
            });
            // the same address under another name, or as the bare address: the certificate does not prove it
            assertThatThrownBy(() -> http.post(target("https://other.pinned.test:" + port + "/hook"), Map.of(), "{}"))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> http.post(target("https://127.0.0.1:" + port + "/hook"), Map.of(), "{}"))
                    .isInstanceOf(IOException.class);
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void aCertificateTheTrustStoreDoesNotKnowIsRefused() throws Exception {
        int port = listen(tls(), request -> request.response().setStatusCode(200).end());
        try (PinnedHttp http = new PinnedHttp(vertx, TLS_TIMEOUT)) {
            assertThatThrownBy(() -> http.post(target("https://" + HOST + ":" + port + "/hook"), Map.of(), "{}"))
                    .isInstanceOf(IOException.class);
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        int port = listen(new HttpServerOptions(), request -> request.response().setStatusCode(307)
                .putHeader("Location", "http://169.254.169.254/latest/meta-data").end());
        try (PinnedHttp http = new PinnedHttp(vertx, Duration.ofSeconds(5))) {
            assertThat(http.post(target("http://" + HOST + ":" + port + "/hook"), Map.of(), "{}")).isEqualTo(307);
        }
        assertThat(seen).hasSize(1);
    }

    @Test
    void aReceiverThatDoesNotAnswerTimesOut() throws Exception {
        int port = listen(new HttpServerOptions(), request -> {
            // never answers
        });
        try (PinnedHttp http = new PinnedHttp(vertx, Duration.ofMillis(500))) {
            assertThatThrownBy(() -> http.post(target("http://" + HOST + ":" + port + "/hook"), Map.of(), "{}"))
                    .isInstanceOf(TimeoutException.class);
        }
    }
}
