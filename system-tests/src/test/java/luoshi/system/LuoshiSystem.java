package luoshi.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import luoshi.mariadb.EmbeddedMariaDb;
import luoshi.testing.JdbcUrls;
import luoshi.testing.TestServer;
import luoshi.testing.TestTokens;

/**
 * The whole system for end-to-end tests: the four services started from their built jars as
 * separate processes (as deploy/local/run.sh does), each on a free port, against fresh schemas on
 * a real MariaDB (the embedded server, or {@code LUOSHI_TEST_DB_URL}). Started once per test JVM;
 * stopped, and the schemas dropped, when the JVM exits.
 */
public final class LuoshiSystem {

    private static LuoshiSystem instance;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> schemaOf = new LinkedHashMap<>();
    private final List<String> schemas = new ArrayList<>();
    private final String serverUrl;
    private final String user;
    private final String password;
    private final boolean embedded;
    private final Path logs;

    public static synchronized LuoshiSystem get() {
        if (instance == null) {
            instance = new LuoshiSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "luoshi-system-stop"));
            instance.start();
        }
        return instance;
    }

    private LuoshiSystem() {
        String external = System.getenv("LUOSHI_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            serverUrl = JdbcUrls.server(external.strip());
            user = env("LUOSHI_TEST_DB_USER", "root");
            password = env("LUOSHI_TEST_DB_PASSWORD", "");
            embedded = false;
        } else {
            serverUrl = TestServer.get().jdbcUrl();
            user = "root";
            password = "";
            embedded = true;
        }
        logs = root().resolve("system-tests/target/system-logs");
    }

    public static Path root() {
        return Path.of(System.getProperty("luoshi.root", "..")).toAbsolutePath().normalize();
    }

    /** ../shared (the policy documents and the regions of China). */
    public static Path shared() {
        return Path.of(System.getProperty("luoshi.shared", "../../shared")).toAbsolutePath().normalize();
    }

    public URI gateway() {
        return url("gateway");
    }

    public URI url(String service) {
        return URI.create("http://127.0.0.1:" + ports.get(service));
    }

    private void start() {
        try {
            Files.createDirectories(logs);
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            schemaOf.putAll(Map.of("org-service", "luoshi_e2e_org_" + suffix,
                    "funding-service", "luoshi_e2e_funding_" + suffix, "review-service", "luoshi_e2e_review_" + suffix));
            schemas.addAll(schemaOf.values());
            EmbeddedMariaDb.createSchemasOn(serverUrl, user, password, schemas.toArray(String[]::new));
            for (String s : List.of("org-service", "funding-service", "review-service", "gateway")) {
                ports.put(s, freePort());
            }
            for (String service : List.copyOf(ports.keySet())) {
                processes.put(service, launch(service, service, schemaOf.get(service), Map.of()));
            }
            for (String service : List.copyOf(ports.keySet())) {
                awaitReady(service, Duration.ofSeconds(240));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A second replica of funding-service ({@code funding-service-b}, on the same schema as the first) and a second
     * gateway ({@code gateway-b}) that routes funding's calls to it and every other call as the first gateway does:
     * writes through the first gateway reach the first replica, reads through the second gateway the second replica.
     * Started on first use only (two more JVMs), and stopped with the rest.
     */
    public synchronized URI gatewayOfSecondFundingReplica() {
        if (!ports.containsKey("gateway-b")) {
            try {
                ports.put("funding-service-b", freePort());
                ports.put("gateway-b", freePort());
                processes.put("funding-service-b", launch("funding-service-b", "funding-service",
                        schemaOf.get("funding-service"), Map.of()));
                awaitReady("funding-service-b", Duration.ofSeconds(240));
                processes.put("gateway-b", launch("gateway-b", "gateway", null,
                        Map.of("LUOSHI_SERVICES_FUNDING_URL", url("funding-service-b").toString())));
                awaitReady("gateway-b", Duration.ofSeconds(240));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return url("gateway-b");
    }

    /** The database URL the tests were given: one server, or a Galera cluster's nodes (deploy/galera). */
    public String databaseUrl() {
        return serverUrl;
    }

    /** Whether the database is the embedded server this JVM started (not one named by {@code LUOSHI_TEST_DB_URL}). */
    public boolean databaseIsEmbedded() {
        return embedded;
    }

    /** The services started at first (org-service, funding-service, review-service, gateway), and any started since. */
    public synchronized List<String> services() {
        return List.copyOf(ports.keySet());
    }

    /** What a service has written to its standard output and error so far (its log). */
    public String log(String service) {
        try {
            return new String(Files.readAllBytes(logs.resolve(service + ".log")), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The first line of {@code service}'s log past character {@code from} that tells of an OutOfMemoryError, with the
     * request it served if the log says, or null.
     */
    public String outOfMemory(String service, int from) {
        String log = log(service);
        int at = log.indexOf("OutOfMemoryError", Math.min(from, log.length()));
        if (at < 0) {
            return null;
        }
        int start = log.lastIndexOf('\n', at) + 1;
        int end = log.indexOf('\n', at);
        return log.substring(start, end < 0 ? log.length() : end);
    }

    /** How many servers the database URL names: 3 for a Galera cluster. */
    public int databaseNodes() {
        return JdbcUrls.hosts(serverUrl).size();
    }

    /** A JDBC connection to node {@code index} (0 is the first) of the database URL, in the schema of {@code service}. */
    public Connection connectToNode(int index, String service) throws java.sql.SQLException {
        return DriverManager.getConnection(JdbcUrls.node(serverUrl, index, schemaOf.getOrDefault(service, "")), user, password);
    }

    /** The schema of {@code service} (org-service, funding-service, review-service). */
    public String schemaOf(String service) {
        return schemaOf.get(service);
    }

    /**
     * One more replica of {@code module} (on the same schema as the first), called {@code name}, connected to node
     * {@code node} of the database URL only (0 is the first): replicas of one service on different Galera nodes (issue
     * #18). Started on first use, stopped with the rest; {@code overrides} are environment variables of its own.
     */
    public synchronized URI replicaOnNode(String name, String module, int node, Map<String, String> overrides) {
        if (!ports.containsKey(name)) {
            try {
                ports.put(name, freePort());
                Map<String, String> env = new LinkedHashMap<>(overrides);
                env.put("QUARKUS_DATASOURCE_JDBC_URL", JdbcUrls.node(serverUrl, node, schemaOf.get(module)));
                processes.put(name, launch(name, module, schemaOf.get(module), env));
                awaitReady(name, Duration.ofSeconds(240));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return url(name);
    }

    private Process launch(String service, String module, String schema, Map<String, String> overrides) throws IOException {
        Path jar = root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Not built: " + jar + " (run ./mvnw verify from the root)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
        env.put("LUOSHI_SERVICES_ORG_URL", url("org-service").toString());
        env.put("LUOSHI_SERVICES_FUNDING_URL", url("funding-service").toString());
        env.put("LUOSHI_SERVICES_REVIEW_URL", url("review-service").toString());
        env.put("LUOSHI_REPLICA_POLL_INTERVAL", "1s");
        // the gateway's address, which its OpenAPI document names as its server (Swagger UI's "Try it out" calls it)
        env.put("LUOSHI_OPENAPI_SERVER_URL", url("gateway").toString());
        // the services trust the tests' tokens (TestTokens), and sign their own calls with the same key
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.keys().resolve("public.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("LUOSHI_SECURITY_SERVICE_KEY", TestTokens.keys().resolve("private.pem").toString());
        env.put("LUOSHI_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        if (schema != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", JdbcUrls.withSchema(serverUrl, schema));
            env.put("QUARKUS_DATASOURCE_USERNAME", user);
            env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        }
        env.putAll(overrides);
        pb.redirectErrorStream(true).redirectOutput(logs.resolve(service + ".log").toFile());
        return pb.start();
    }

    private void awaitReady(String service, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        Process p = processes.get(service);
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException(service + " stopped while starting: see " + logs.resolve(service + ".log"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url(service).resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Poll.pause();
        }
        throw new IllegalStateException(service + " was not ready in " + timeout + ": see " + logs.resolve(service + ".log"));
    }

    private void stop() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("DROP DATABASE IF EXISTS `" + schema + "`");
            }
        } catch (Exception e) {
            // the embedded server may be stopping too; its data directory is temporary
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
