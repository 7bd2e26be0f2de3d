package luoshi.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A second replica of the running gateway, as a load balancer would have two (issue #29: read your writes across
 * gateway replicas): the first's command line, working directory and environment (/proc), on two free ports of
 * 127.0.0.1. Stopped when closed.
 */
final class SecondGateway implements AutoCloseable {

    private final Process process;
    private final int port;

    private SecondGateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SecondGateway start(Long firstPid, Path dataDir) throws IOException, InterruptedException {
        if (firstPid == null) {
            throw new IllegalStateException("the gateway's process is not found: no second replica can be started");
        }
        Path proc = Path.of("/proc", firstPid.toString());
        List<String> command = nulSeparated(Files.readAllBytes(proc.resolve("cmdline")));
        int port = freePort();
        int management = freePort();
        ProcessBuilder builder = new ProcessBuilder(command).directory(proc.resolve("cwd").toRealPath().toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        for (String entry : nulSeparated(Files.readAllBytes(proc.resolve("environ")))) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(management));
        Path log = (dataDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dataDir).resolve("gateway-2.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        System.out.printf("starting a second gateway replica on 127.0.0.1:%d (log %s) ...%n", port, log);
        SecondGateway second = new SecondGateway(builder.start(), port);
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
                        + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return second;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!second.process.isAlive() || System.nanoTime() > deadline) {
                second.close();
                throw new IllegalStateException("the second gateway replica did not start: see " + log);
            }
            Thread.sleep(500);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static List<String> nulSeparated(byte[] bytes) {
        List<String> out = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\0")));
        out.removeIf(String::isEmpty);
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
