package luoshi.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors are problem details whatever the request's {@code Accept} says (API.md, Conventions): a 400, 404 and
 * 414 with {@code application/problem+json}, {@code *}{@code /*}, {@code application/json} and no {@code Accept}
 * at all; the HTTP layer's own refusals (405, 406, 413, 415, 431) too. The service's or gateway's test extends
 * this class with a token and two of its paths. Calls go through {@link HttpClient}, which, unlike RestAssured,
 * can send no {@code Accept} at all; the 413 through a socket, to declare a length without sending it.
 */
public abstract class ProblemDetailsChecks {

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
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + postPath + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2000000000\r\n\r\n[")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(30_000);
            String head = headOf(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: " + PROBLEM);
            int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
            String body = new String(socket.getInputStream().readNBytes(length), StandardCharsets.UTF_8);
            assertThat(JsonPath.from(body).getInt("status")).isEqualTo(413);
        }
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
