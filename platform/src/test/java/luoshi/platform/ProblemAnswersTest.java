package luoshi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 413, 431 and 500 are problem details on both ports whatever the request's {@code Accept} (issue #24): what a
 * resource throws (an {@link OutOfMemoryError} too), what fails in a Vert.x handler, a body of undeclared length past
 * {@code quarkus.http.limits.max-body-size} (64 KiB here), on the public port and on the management port.
 */
@QuarkusTest
class ProblemAnswersTest {

    private static final String PROBLEM = "application/problem+json";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI api;

    @TestHTTPResource(value = "/", management = true)
    URI management;

    /** An exception, and an {@link OutOfMemoryError} (what no exception mapper of the JVM's own would take). */
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html", "*/*", ""})
    void whatAResourceThrowsIsA500ProblemThatNamesNothingInternal(String accept) {
        for (String path : List.of("/test/exception", "/test/out-of-memory")) {
            HttpResponse<String> answer = get(api.resolve(path), accept);
            assertProblem(answer, 500);
            assertThat(answer.body()).doesNotContain("SecretClass").doesNotContain("Exception").doesNotContain("OutOfMemory")
                    .doesNotContain("heap");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html", ""})
    void aFailureInAVertxHandlerIsA500ProblemOnEitherPort(String accept) {
        for (URI failing : List.of(api.resolve("/vertx/failure"), management.resolve("/q/failure"))) {
            HttpResponse<String> answer = get(failing, accept);
            assertProblem(answer, 500);
            assertThat(answer.body()).doesNotContain("SecretClass");
        }
    }

    @Test
    void aChunkedBodyPastTheLimitIsA413ProblemWhetherReadAsAStreamOrAsJson() throws Exception {
        for (String path : List.of("/test/bytes", "/test/rows")) {
            HttpResponse<String> answer = postChunked(path, 200 * 1024);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(413);
            assertProblem(answer, 413);
            assertThat(JsonPath.from(answer.body()).getString("detail")).contains(String.valueOf(64 * 1024));
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadWhole() throws Exception {
        HttpResponse<String> bytes = postChunked("/test/bytes", 40 * 1024);
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(String.valueOf(jsonRows(40 * 1024).length));
        HttpResponse<String> rows = postChunked("/test/rows", 40 * 1024);
        assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
        assertThat(Integer.parseInt(rows.body())).isGreaterThan(500);
    }

    @Test
    void aDeclaredBodyPastTheLimitIsA413ProblemOnEitherPort() throws Exception {
        for (URI target : List.of(api.resolve("/test/bytes"), management.resolve("/q/health"))) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(target).header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[70 * 1024])).build(), HttpResponse.BodyHandlers.ofString());
            assertProblem(answer, 413);
        }
    }

    @Test
    void headersOf30KibAreA431ProblemOnEitherPort() throws Exception {
        for (URI target : List.of(api.resolve("/test/exception"), management.resolve("/q/health"))) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(target).header("Accept", "text/html")
                    .header("X-Filler", "x".repeat(30 * 1024)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertProblem(answer, 431);
        }
    }

    /**
     * With {@code Accept-Language: zh-CN} a problem's title and detail are in Chinese, from the message bundles, whoever
     * built it: JAX-RS (a 500, a 404 of no resource) and what fails below it (a 431, a 413 of the limits); an
     * English-first header and none keep English (API.md, Conventions).
     */
    @Test
    void withAcceptLanguageZhCnEveryProblemIsInChineseAndEnglishStaysTheDefault() throws Exception {
        JsonPath failed = JsonPath.from(send(HttpRequest.newBuilder(api.resolve("/test/exception"))
                .header("Accept-Language", "zh-CN,zh;q=0.9").GET()).body());
        assertThat(failed.getString("title")).isEqualTo("服务器内部错误");
        assertThat(failed.getString("detail")).isEqualTo("服务器无法应答。");
        JsonPath none = JsonPath.from(send(HttpRequest.newBuilder(api.resolve("/no/such/path"))
                .header("Accept-Language", "zh").GET()).body());
        assertThat(none.getString("title")).isEqualTo("未找到");
        assertThat(none.getString("detail")).isEqualTo("此路径下没有资源。");
        HttpResponse<String> headers = send(HttpRequest.newBuilder(api.resolve("/test/exception"))
                .header("Accept-Language", "zh-CN").header("X-Filler", "x".repeat(30 * 1024)).GET());
        assertProblem(headers, 431);
        assertThat(JsonPath.from(headers.body()).getString("title")).isEqualTo("请求头过大");
        HttpResponse<String> body = send(HttpRequest.newBuilder(api.resolve("/test/bytes"))
                .header("Accept-Language", "zh-CN").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[70 * 1024])));
        assertProblem(body, 413);
        assertThat(JsonPath.from(body.body()).getString("title")).isEqualTo("请求体过大");
        assertThat(JsonPath.from(body.body()).getString("detail")).matches("请求体最多 \\d+ 字节。");

        for (String english : List.of("en-US,zh-CN;q=0.8", "fr, de;q=0.5", "")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve("/test/exception")).GET();
            if (!english.isEmpty()) {
                request.header("Accept-Language", english);
            }
            JsonPath answer = JsonPath.from(send(request).body());
            assertThat(answer.getString("title")).as(english).isEqualTo("Internal Server Error");
            assertThat(answer.getString("detail")).as(english).isEqualTo("The server could not answer.");
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsOnTheManagementPortOnly() {
        assertThat(get(management.resolve("/q/health"), "").statusCode()).isEqualTo(200);
        assertProblem(get(api.resolve("/q/health"), ""), 404);
    }

    /** A JSON array of rows, about {@code bytes} long. */
    private static byte[] jsonRows(int bytes) {
        StringBuilder sb = new StringBuilder("[");
        while (sb.length() < bytes - 60) {
            sb.append(sb.length() > 1 ? "," : "").append("{\"regionCode\":\"330602001\",\"name\":\"塔山街道\"}");
        }
        return sb.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A POST whose body has no declared length (an InputStream publisher: Transfer-Encoding: chunked). */
    private HttpResponse<String> postChunked(String path, int bytes) throws IOException, InterruptedException {
        byte[] body = jsonRows(bytes);
        InputStream stream = new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(body))));
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", "application/json")
                .header("Accept", "*/*").POST(HttpRequest.BodyPublishers.ofInputStream(() -> stream)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the server closed the connection without an answer: " + e, e);
        }
    }

    private static HttpResponse<String> get(URI uri, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
        JsonPath body = JsonPath.from(answer.body());
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("title")).isNotBlank();
        assertThat(body.getString("detail")).isNotBlank();
    }
}
