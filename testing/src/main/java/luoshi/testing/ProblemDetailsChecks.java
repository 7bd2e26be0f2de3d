package luoshi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors are problem details whatever the request's {@code Accept} says (API.md, Conventions): a 400, 404 and
 * 414 with {@code application/problem+json}, {@code *}{@code /*}, {@code application/json} and no {@code Accept}
 * at all; the HTTP layer's own refusals (405, 406, 413, 415, 431) too, a body of undeclared length past the limit
 * included, and on the management port as on the public one (issue #24). The service's or gateway's test extends
 * this class with a token and two of its paths. Calls go through {@link HttpClient}, which, unlike RestAssured,
 * can send no {@code Accept} at all; the 413 through a socket, to declare a length without sending it.
 */
public abstract class ProblemDetailsChecks {

    @TestHTTPResource(value = "/", management = true)
    URI management;

    private static final String PROBLEM = "application/problem+json";
    private static final String NONE = "";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final String token;
    private final String badRequest;
    private final String postPath;

    /**
     * @param badRequest a GET that answers 400 (a malformed parameter)
     * @param postPath   a path that takes a JSON POST
     */
    protected ProblemDetailsChecks(String token, String badRequest, String postPath) {
        this.token = token;
        this.badRequest = badRequest;
        this.postPath = postPath;
    }

    @ParameterizedTest
    @ValueSource(strings = {PROBLEM, "*/*", "application/json", NONE})
    void aBadParameterIsA400Problem(String accept) {
        assertProblem(call("GET", badRequest, accept, null), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {PROBLEM, "*/*", "application/json", NONE})
    void anUnknownPathIsA404Problem(String accept) {
        assertProblem(call("GET", "/api/v1/no-such-thing", accept, null), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {PROBLEM, "*/*", "application/json", NONE})
    void aPathOf5000CharactersIsA414Problem(String accept) {
        assertProblem(call("GET", "/api/v1/regions/" + "3".repeat(5000), accept, null), 414);
    }

    @ParameterizedTest
    @ValueSource(strings = {PROBLEM, "*/*", "application/json", NONE})
    void aQueryParameterOf5000CharactersIsA414Problem(String accept) {
        assertProblem(call("GET", pathOf(badRequest) + "?regionCode=" + "3".repeat(5000), accept, null), 414);
    }

    @Test
    void anUnsupportedMethodIsA405Problem() {
        assertProblem(call("PATCH", pathOf(badRequest), PROBLEM, "{}"), 405);
    }

    @Test
    void anAnswerTypeThatCannotBeMadeIsA406Problem() {
        assertProblem(call("GET", badRequest, "text/html", null), 406);
    }

    @Test
    void aBodyTypeThatIsNotReadIsA415Problem() throws Exception {
        HttpRequest request = request(postPath, PROBLEM)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("塔山街道")).build();
        assertProblem(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), 415);
    }

    @Test
    void headersOf30KibAreA431Problem() throws Exception {
        HttpRequest request = request(pathOf(badRequest), PROBLEM).header("X-Filler", "x".repeat(30 * 1024)).GET().build();
        assertProblem(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), 431);
    }

    @Test
    void aDeclaredBodyBeyondTheLimitIsA413ProblemBeforeItIsSent() throws IOException {
        for (URI port : List.of(URI.create(RestAssured.baseURI + ":" + RestAssured.port), management)) {
            try (Socket socket = new Socket(port.getHost(), port.getPort())) {
                send(socket, "POST " + (port == management ? "/q/health" : postPath) + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 2000000000\r\n\r\n[");
                assertProblemOn(socket, 413);
            }
        }
    }

    /**
     * A body with no declared length (chunked) is counted while it is read: past the limit, a 413 problem, and the
     * rest is not read (the body is sent by another thread, which the closed connection stops).
     */
    @Test
    void aChunkedBodyBeyondTheLimitIsA413Problem() throws Exception {
        long limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10240L * 1024);
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            send(socket, "POST " + postPath + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            Thread sender = new Thread(() -> sendOneLongName(socket, limit + 1024 * 1024), "chunked-body");
            sender.setDaemon(true);
            sender.start();
            assertProblemOn(socket, 413);
        }
    }

    @Test
    void headersOf30KibAreA431ProblemOnTheManagementPortToo() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(management.resolve("/q/health")).header("Accept", "text/html")
                .header("X-Filler", "x".repeat(30 * 1024)).GET().build();
        assertProblem(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), 431);
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** {@code {"name":"xxx…"}} of about {@code length} bytes in 64 KiB chunks: JSON the server must read far to refuse. */
    private static void sendOneLongName(Socket socket, long length) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try {
            send(socket, "b\r\n{\"name\":\"xx\r\n");
            for (long sent = 0; sent < length; sent += chunk.length) {
                send(socket, Integer.toHexString(chunk.length) + "\r\n");
                socket.getOutputStream().write(chunk);
                send(socket, "\r\n");
            }
            send(socket, "2\r\n\"}\r\n0\r\n\r\n");
        } catch (IOException e) {
            // the server answered and closed the connection before the whole body was sent: that is the point
        }
    }

    /** The answer on {@code socket} is a problem of {@code status} (its length declared: the body is read whole). */
    private static void assertProblemOn(Socket socket, int status) throws IOException {
        socket.setSoTimeout(30_000);
        String head = headOf(socket.getInputStream());
        assertThat(head).startsWith("HTTP/1.1 " + status).containsIgnoringCase("content-type: " + PROBLEM);
        int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
        String body = new String(socket.getInputStream().readNBytes(length), StandardCharsets.UTF_8);
        assertThat(JsonPath.from(body).getInt("status")).isEqualTo(status);
        assertThat(JsonPath.from(body).getString("detail")).isNotBlank();
    }

    /** The status line and headers of an answer (the server does not wait for the body it refused). */
    private static String headOf(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        return head.toString();
    }

    private HttpResponse<String> call(String method, String path, String accept, String body) {
        HttpRequest.Builder request = request(path, accept);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path.substring(0, Math.min(80, path.length())) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder request(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token);
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        return request;
    }

    private static String pathOf(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("title")).isNotBlank();
    }
}
