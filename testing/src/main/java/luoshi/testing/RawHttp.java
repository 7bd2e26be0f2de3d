package luoshi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A POST on a plain socket, for the tests of bodies (API.md, "Bodies"): the test decides how much of the body is sent,
 * and when, and reads the answer whenever the server gives it, also before the body was sent whole; so "answered after
 * reading none of it" is shown by answering a request whose body was never sent. The server of the current Quarkus test
 * ({@code RestAssured.port}).
 */
public final class RawHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer and the milliseconds from the request's first byte to its status line. */
    public record Answer(int status, Map<String, String> headers, String body, long millis) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** True for a problem details body ({@code application/problem+json} with this status). */
        public boolean isProblem() {
            return headers.getOrDefault("content-type", "").startsWith("application/problem+json")
                    && json().path("status").asInt() == status;
        }

        @Override
        public String toString() {
            return status + " in " + millis + " ms: " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final boolean chunked;
    private final long start = System.nanoTime();

    private RawHttp(String host, int port, String path, String token, String contentType, long length,
            Map<String, String> headers) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(120_000);
        out = socket.getOutputStream();
        chunked = length < 0;
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: " + contentType + "\r\nAccept: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n"));
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Starts a POST that declares {@code length} bytes of body (-1: chunked, of undeclared length); nothing of it sent yet. */
    public static RawHttp post(String path, String token, String contentType, long length) {
        return post(path, token, contentType, length, Map.of());
    }

    public static RawHttp post(String path, String token, String contentType, long length, Map<String, String> headers) {
        try {
            return new RawHttp("localhost", RestAssured.port, path, token, contentType, length, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole POST: the body is sent on a thread of its own while the answer is awaited, which may come first. */
    public static Answer send(String path, String token, String contentType, byte[] body, boolean chunked) {
        return send(post(path, token, contentType, chunked ? -1 : body.length), body);
    }

    /** The same to another server than the current Quarkus test's (a started system's gateway). */
    public static Answer send(java.net.URI server, String path, String token, String contentType, byte[] body,
            boolean chunked) {
        try {
            return send(new RawHttp(server.getHost(), server.getPort(), path, token, contentType, chunked ? -1 : body.length,
                    Map.of()), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer send(RawHttp started, byte[] body) {
        try (RawHttp post = started) {
            Thread writer = new Thread(() -> {
                for (int at = 0; at < body.length && post.send(body, at, Math.min(65_536, body.length - at)); at += 65_536) {
                    // the server may answer and close before it read everything: the answer tells
                }
                post.end();
            }, "raw-http-writer");
            writer.start();
            Answer answer = post.answer();
            writer.join(120_000);
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code length} bytes of {@code body} from {@code offset}; false when the server closed the connection. */
    public boolean send(byte[] body, int offset, int length) {
        try {
            if (chunked) {
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(body, offset, length);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** Ends a chunked body. */
    public void end() {
        if (chunked) {
            try {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                // answered already
            }
        }
    }

    /** Waits for the answer (120 s at most). */
    public Answer answer() {
        try {
            InputStream in = socket.getInputStream();
            String status = line(in);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
            byte[] body = body(in, headers);
            return new Answer(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8), millis);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer", e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closed
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if (headers.containsKey("content-length")) {
            return in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.writeBytes(in.readNBytes(size));
                line(in);
            }
            return body.toByteArray();
        }
        return in.readAllBytes();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (line.size() == 0) {
                    throw new IOException("the connection closed with no answer");
                }
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
