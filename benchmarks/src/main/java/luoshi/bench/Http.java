package luoshi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A plain HTTP/1.1 client of one base URL; every call carries the bearer token when there is one. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + abbreviate(body), e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Optional<String> token;

    Http(String base, Optional<String> token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    String base() {
        return base;
    }

    Answer get(String path) {
        return blockingGet(path, false);
    }

    /** A GET asking every service to evaluate afresh ({@code Cache-Control: no-cache}), not to answer from what it keeps. */
    Answer getFresh(String path) {
        return blockingGet(path, true);
    }

    /**
     * A GET on the calling thread over a kept-alive connection ({@link HttpURLConnection}): the measured calls share
     * two cores with the system, so the client must cost as little as it can. {@code java.net.http.HttpClient} hands
     * every answer from its selector thread to the caller's, which showed as the load generator's own CPU.
     */
    private Answer blockingGet(String path, boolean fresh) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout(600_000);
            token.ifPresent(t -> c.setRequestProperty("Authorization", "Bearer " + t));
            if (fresh) {
                c.setRequestProperty("Cache-Control", "no-cache");
            }
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                // read to the end and close: the connection then returns to the keep-alive cache
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("GET " + base + path + " failed: " + e, e);
        }
    }

    /** An answer with the response headers asked for ({@link #exchange}); a header not there is absent. */
    record Exchange(int status, String body, java.util.Map<String, String> headers) {
    }

    /**
     * One call on the calling thread as {@link #get}, with request headers ({@code name, value, …}) and a JSON body
     * (null: none), answering the response headers named in {@code wanted}.
     */
    Exchange exchange(String method, String path, String json, List<String> wanted, String... headers) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout(600_000);
            c.setRequestMethod(method);
            token.ifPresent(t -> c.setRequestProperty("Authorization", "Bearer " + t));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                c.setRequestProperty(headers[i], headers[i + 1]);
            }
            if (json != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                try (var out = c.getOutputStream()) {
                    out.write(json.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            java.util.Map<String, String> said = new java.util.HashMap<>();
            for (String name : wanted) {
                String value = c.getHeaderField(name);
                if (value != null) {
                    said.put(name, value);
                }
            }
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                return new Exchange(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8), said);
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base + path + " failed: " + e, e);
        }
    }

    /**
     * A GET of a streamed answer of type {@code accept}, read to its end and counted, never held: the status, the lines,
     * the bytes, and the services the answer says did not answer ({@code Luoshi-Incomplete}).
     */
    record Streamed(int status, long lines, long bytes, String incomplete) {
    }

    Streamed stream(String path, String accept) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout(600_000);
            c.setRequestProperty("Accept", accept);
            token.ifPresent(t -> c.setRequestProperty("Authorization", "Bearer " + t));
            int status = c.getResponseCode();
            long lines = 0;
            long bytes = 0;
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                byte[] buffer = new byte[65536];
                for (int n; in != null && (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            return new Streamed(status, lines, bytes, c.getHeaderField("Luoshi-Incomplete"));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + base + path + " failed: " + e, e);
        }
    }

    Answer post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Answer put(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** POST of a JSON body that must succeed; its answer as JSON. */
    JsonNode postJson(String path, Object body) {
        return expectOk("POST " + path, post(path, "application/json", write(body))).json();
    }

    static Answer expectOk(String what, Answer a) {
        if (!a.ok()) {
            throw new IllegalStateException(what + " answered " + a.status() + ": " + abbreviate(a.body()));
        }
        return a;
    }

    static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
