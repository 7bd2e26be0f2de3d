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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import luoshi.mariadb.Account;
import luoshi.mariadb.SchemaAccounts;
import luoshi.testing.JdbcUrls;
import luoshi.testing.TestDatabase;
import luoshi.testing.TestTokens;

/**
 * The whole system for end-to-end tests: the four services started from their built jars as
 * separate processes (as deploy/local/run.sh does), each on free ports (its public one and its management
 * interface's, both on 127.0.0.1 only), against fresh schemas on a real MariaDB (the embedded server, or
 * {@code LUOSHI_TEST_DB_URL}), each service with its schema's own two accounts (issue #24: its pool DML only, its
 * Flyway the migration account). Every JVM with {@code -XX:+ExitOnOutOfMemoryError}. Started once per test JVM;
 * stopped, and the schemas and accounts dropped, when the JVM exits.
 */
public final class LuoshiSystem {

    private static LuoshiSystem instance;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> schemaOf = new LinkedHashMap<>();
    private final Map<String, SchemaAccounts> accounts = new LinkedHashMap<>();
    private final String serverUrl;
    private final Account admin;
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
        serverUrl = TestDatabase.serverUrl();
        admin = TestDatabase.admin();
        embedded = !TestDatabase.isExternal();
        logs = root().resolve("system-tests/target/system-logs");
    }

    public static Path root() {
        return Path.of(System.getProperty("luoshi.root", "..")).toAbsolutePath().normalize();
    }

    public URI gateway() {
        return url("gateway");
    }

    public URI url(String service) {
        return URI.create("http://127.0.0.1:" + ports.get(service));
    }

    /** The management interface of {@code service} (its health and metrics: not on its public port). */
    public URI managementUrl(String service) {
        return URI.create("http://127.0.0.1:" + managementPorts.get(service));
    }

    private void start() {
        try {
            Files.createDirectories(logs);
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            schemaOf.putAll(Map.of("org-service", "luoshi_e2e_org_" + suffix,
                    "funding-service", "luoshi_e2e_funding_" + suffix, "review-service", "luoshi_e2e_review_" + suffix));
            for (String schema : schemaOf.values()) {
                SchemaAccounts schemaAccounts = SchemaAccounts.generate(schema);
                schemaAccounts.createOn(serverUrl, admin);
                accounts.put(schema, schemaAccounts);
            }
            for (String s : List.of("org-service", "funding-service", "review-service", "gateway")) {
                choosePorts(s);
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
                choosePorts("funding-service-b");
                choosePorts("gateway-b");
                processes.put("funding-service-b", launch("funding-service-b", "funding-service",
                        schemaOf.get("funding-service"), Map.of()));
                awaitReady("funding-service-b", Duration.ofSeconds(240));
                processes.put("gateway-b", launch("gateway-b", "gateway", null,
                        Map.of("LUOSHI_SERVICES_FUNDING_URL", url("funding-service-b").toString(),
                                "LUOSHI_SERVICES_FUNDING_MANAGEMENT_URL", managementUrl("funding-service-b").toString())));
                awaitReady("gateway-b", Duration.ofSeconds(240));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return url("gateway-b");
    }

    /**
     * A second replica of the gateway ({@code gateway-2}) before the same three services, as a load balancer would have
     * two: each keeps answers of its own and follows the services' answer versions on its own. Started on first use.
     */
    public synchronized URI secondGateway() {
        if (!ports.containsKey("gateway-2")) {
            try {
                choosePorts("gateway-2");
                processes.put("gateway-2", launch("gateway-2", "gateway", null, Map.of()));
                awaitReady("gateway-2", Duration.ofSeconds(240));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return url("gateway-2");
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

    /**
     * A JDBC connection to node {@code index} (0 is the first) of the database URL, in the schema of {@code service}, as
     * the server's administrator (a test's view of the rows, not a service's).
     */
    public Connection connectToNode(int index, String service) throws java.sql.SQLException {
        return DriverManager.getConnection(JdbcUrls.node(serverUrl, index, schemaOf.getOrDefault(service, "")),
                admin.user(), admin.password());
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
                choosePorts(name);
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
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPorts.get(service)));
        for (String s : List.of("org", "funding", "review")) {
            String upper = s.toUpperCase(Locale.ROOT);
            env.put("LUOSHI_SERVICES_" + upper + "_URL", url(s + "-service").toString());
            env.put("LUOSHI_SERVICES_" + upper + "_MANAGEMENT_URL", managementUrl(s + "-service").toString());
        }
        env.put("LUOSHI_REPLICA_POLL_INTERVAL", "1s");
        // no LUOSHI_OPENAPI_SERVER_URL: the gateway's document names its default, relative server, which Swagger UI's
        // "Try it out" resolves against the address the page was opened at (SwaggerUiBrowserTest)
        // the services trust the tests' tokens (TestTokens), for their audience, and sign their own calls with the same
        // key, naming that audience too
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.keys().resolve("public.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("LUOSHI_JWT_AUDIENCE", TestTokens.AUDIENCE);
        env.put("LUOSHI_SECURITY_SERVICE_KEY", TestTokens.keys().resolve("private.pem").toString());
        env.put("LUOSHI_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        if (schema != null) {
            SchemaAccounts own = accounts.get(schema);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", JdbcUrls.withSchema(serverUrl, schema));
            env.put("LUOSHI_DB_USER", own.runtime().user());
            env.put("LUOSHI_DB_PASSWORD", own.runtime().password());
            env.put("LUOSHI_DB_MIGRATION_USER", own.migration().user());
            env.put("LUOSHI_DB_MIGRATION_PASSWORD", own.migration().password());
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
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(managementUrl(service).resolve("/q/health/ready"))
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
        for (SchemaAccounts schemaAccounts : accounts.values()) {
            try {
                schemaAccounts.dropFrom(serverUrl, admin);
            } catch (IllegalStateException e) {
                // the embedded server may be stopping too; its data directory is temporary
            }
        }
    }

    private void choosePorts(String service) throws IOException {
        ports.put(service, freePort());
        managementPorts.put(service, freePort());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
