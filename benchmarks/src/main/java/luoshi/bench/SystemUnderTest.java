package luoshi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The running Luoshi the harness measures: started here with {@code deploy/local/run.sh} on a fresh data directory
 * and free ports (which also times the cold start), or one already running that the harness only targets (ports and
 * database from the same environment variables as run.sh).
 */
final class SystemUnderTest implements AutoCloseable {

    /** The components, in the order run.sh starts them, with the port each listens on. */
    static final List<String> SERVICES = List.of("org-service", "funding-service", "review-service", "gateway");

    final Path root;
    final Path dataDir;
    final Map<String, Integer> ports;   // the four services and "mariadb"
    final String dbHost;
    final String dbUser;
    final String dbPassword;
    /** run.sh's marks: from "starting the embedded MariaDB" to "services starting" to "is running"; null when targeted. */
    final Double dbStartSeconds;
    final Double servicesStartSeconds;
    private final Process runScript;

    private SystemUnderTest(Path root, Path dataDir, Map<String, Integer> ports, String dbHost, String dbUser,
            String dbPassword, Double dbStartSeconds, Double servicesStartSeconds, Process runScript) {
        this.root = root;
        this.dataDir = dataDir;
        this.ports = ports;
        this.dbHost = dbHost;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.dbStartSeconds = dbStartSeconds;
        this.servicesStartSeconds = servicesStartSeconds;
        this.runScript = runScript;
    }

    boolean started() {
        return runScript != null;
    }

    Double coldStartSeconds() {
        return dbStartSeconds == null ? null : dbStartSeconds + servicesStartSeconds;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    String jdbcUrl() {
        return "jdbc:mariadb://" + dbHost + ":" + ports.get("mariadb") + "/?allowLocalInfile=true";
    }

    /** A system already running, found where run.sh's environment variables say (its defaults otherwise). */
    static SystemUnderTest target(Path root) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("org-service", envPort("LUOSHI_ORG_PORT", 8081));
        ports.put("funding-service", envPort("LUOSHI_FUNDING_PORT", 8082));
        ports.put("review-service", envPort("LUOSHI_REVIEW_PORT", 8083));
        ports.put("gateway", envPort("LUOSHI_GATEWAY_PORT", 8080));
        ports.put("mariadb", envPort("LUOSHI_DB_PORT", 3307));
        String dataDir = env("LUOSHI_DATA_DIR", System.getProperty("user.home") + "/.local/share/luoshi");
        return new SystemUnderTest(root, Path.of(dataDir), ports, env("LUOSHI_DB_HOST", "127.0.0.1"),
                env("LUOSHI_DB_USER", "root"), env("LUOSHI_DB_PASSWORD", ""), null, null, null);
    }

    /**
     * Starts run.sh on {@code dataDir} (must not hold data yet) and free ports, and waits until it says the whole
     * system is ready. The cold start is timed from run.sh's "starting the embedded MariaDB" (or, on an external
     * database, "using the MariaDB server", before it creates the schemas) after any build, to its "is running" (every
     * /q/health/ready UP; run.sh polls every 0.3 s). {@code db}: the database (--db); an external one is already running.
     */
    static SystemUnderTest start(Path root, Path dataDir, Path log, Duration timeout, DatabaseUnderTest db)
            throws IOException, InterruptedException {
        if (Files.isDirectory(dataDir.resolve("mariadb"))) {
            throw new IllegalStateException(dataDir + " holds data already: the harness starts on a fresh data directory");
        }
        List<Integer> free = Processes.freePorts(5);
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("org-service", envPort("LUOSHI_ORG_PORT", free.get(0)));
        ports.put("funding-service", envPort("LUOSHI_FUNDING_PORT", free.get(1)));
        ports.put("review-service", envPort("LUOSHI_REVIEW_PORT", free.get(2)));
        ports.put("gateway", envPort("LUOSHI_GATEWAY_PORT", free.get(3)));
        ports.put("mariadb", db.external() ? db.ports.get(0) : envPort("LUOSHI_DB_PORT", free.get(4)));
        for (int i = 1; i < db.ports.size(); i++) {
            ports.put("mariadb node " + (i + 1), db.ports.get(i));   // Galera: "mariadb" is node 1
        }
        ports.forEach((name, port) -> {
            if (!(db.external() && name.startsWith("mariadb")) && !Processes.portFree(port)) {
                throw new IllegalStateException("port " + port + " (" + name + ") is busy: free it, or unset the LUOSHI_*_PORT "
                        + "variable that chose it so that the harness takes a free one");
            }
        });
        Files.createDirectories(dataDir);
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("deploy/local/run.sh").toString()).directory(root.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("LUOSHI_DB_HOST");          // the embedded server (a fresh one, for the cold start) unless --db says otherwise
        env.remove("LUOSHI_DB_URL");
        if (db.external()) {
            env.put("LUOSHI_DB_HOST", db.host);
            env.put("LUOSHI_DB_USER", db.user);
            env.put("LUOSHI_DB_PASSWORD", db.password);
            if (db.servicesUrl() != null) {
                env.put("LUOSHI_DB_URL", db.servicesUrl());
            }
        }
        env.put("LUOSHI_DATA_DIR", dataDir.toString());
        env.put("LUOSHI_ORG_PORT", String.valueOf(ports.get("org-service")));
        env.put("LUOSHI_FUNDING_PORT", String.valueOf(ports.get("funding-service")));
        env.put("LUOSHI_REVIEW_PORT", String.valueOf(ports.get("review-service")));
        env.put("LUOSHI_GATEWAY_PORT", String.valueOf(ports.get("gateway")));
        env.put("LUOSHI_DB_PORT", String.valueOf(ports.get("mariadb")));
        Process p = pb.start();

        long[] marks = new long[3];   // nanos of: starting the database, starting the services, running
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                for (String line; (line = in.readLine()) != null; ) {
                    long now = System.nanoTime();
                    out.println(line);
                    if (line.contains("starting the embedded MariaDB") || line.contains("using the MariaDB server at")) {
                        marks[0] = now;
                        System.out.println("  " + line.trim());
                    } else if (line.contains("starting the services")) {
                        marks[1] = now;
                        System.out.println("  " + line.trim());
                    } else if (line.contains("is running.")) {
                        marks[2] = now;
                        ready.complete(null);
                    } else if (line.contains("error") || line.contains("building")) {
                        System.out.println("  " + line.trim());
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("deploy/local/run.sh stopped before the system was ready"
                    + " (exit " + p.onExit().join().exitValue() + "; see " + log + ")"));
        }, "run.sh-output");
        reader.setDaemon(true);
        reader.start();
        SystemUnderTest system = new SystemUnderTest(root, dataDir, ports, db.host, db.user, db.password, null, null, p);
        try {
            ready.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            system.close();
            throw new IllegalStateException("the system was not ready in " + timeout.toMinutes() + " min (see " + log + ")");
        } catch (java.util.concurrent.ExecutionException e) {
            system.close();
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
        return new SystemUnderTest(root, dataDir, ports, db.host, db.user, db.password, (marks[1] - marks[0]) / 1e9, (marks[2] - marks[1]) / 1e9, p);
    }

    /** Stops a system started here: SIGTERM to run.sh, which stops every service and the database; no process stays. */
    @Override
    public void close() {
        if (runScript == null || !runScript.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = runScript.descendants().toList();
        runScript.toHandle().destroy();
        try {
            if (!runScript.waitFor(90, TimeUnit.SECONDS)) {
                System.err.println("run.sh did not stop in 90 s: killing what it started");
                descendants.forEach(ProcessHandle::destroyForcibly);
                runScript.destroyForcibly();
            }
            for (ProcessHandle d : descendants) {
                d.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        List<String> left = descendants.stream().filter(ProcessHandle::isAlive).map(h -> String.valueOf(h.pid())).toList();
        if (!left.isEmpty()) {
            System.err.println("processes still running after the stop: " + left);
        }
    }

    private static int envPort(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
