package luoshi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The database a started system runs on ({@code --db}): the embedded server that run.sh starts (the default), the
 * machine's MariaDB server ({@code server}: 127.0.0.1:3306, root without a password, unless {@code LUOSHI_DB_HOST},
 * {@code LUOSHI_DB_PORT}, {@code LUOSHI_DB_USER}, {@code LUOSHI_DB_PASSWORD} say otherwise), or a 3-node Galera
 * cluster ({@code galera}) started here with {@code deploy/galera/cluster.sh} in a temporary folder on free ports and
 * destroyed at the end, also after a failure or Ctrl-C. The services reach the cluster through
 * {@code jdbc:mariadb:sequential://node1,node2,node3/} (run.sh's {@code LUOSHI_DB_URL}); the harness's own
 * statements (the raw SQL, LOAD DATA, InnoDB's state) go to node 1.
 */
final class DatabaseUnderTest implements AutoCloseable {

    enum Kind {
        EMBEDDED, SERVER, GALERA;

        static Kind of(String name) {
            for (Kind k : values()) {
                if (k.key().equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("--db is embedded, server or galera (got '" + name + "')");
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The schemas run.sh creates for the services. */
    static final List<String> SCHEMAS = List.of(RawSql.ORG, RawSql.FUNDING, RawSql.REVIEW);

    final Kind kind;
    final String host;
    /** The SQL ports: empty for the embedded server (run.sh's port is chosen with the services'), one server, three nodes. */
    final List<Integer> ports;
    final String user;
    final String password;
    /** Seconds the cluster took to start (cluster.sh start), else null. */
    final Double startSeconds;
    private final Path root;
    private final Path clusterDir;
    private Process starting;
    private boolean closed;

    private DatabaseUnderTest(Kind kind, String host, List<Integer> ports, String user, String password, Double startSeconds,
            Path root, Path clusterDir) {
        this.kind = kind;
        this.host = host;
        this.ports = ports;
        this.user = user;
        this.password = password;
        this.startSeconds = startSeconds;
        this.root = root;
        this.clusterDir = clusterDir;
    }

    static DatabaseUnderTest embedded() {
        return new DatabaseUnderTest(Kind.EMBEDDED, "127.0.0.1", List.of(), "root", "", null, null, null);
    }

    /** The machine's server; refuses one that holds the services' schemas already (the harness starts on no data). */
    static DatabaseUnderTest server() throws SQLException {
        DatabaseUnderTest db = new DatabaseUnderTest(Kind.SERVER, SystemUnderTest.env("LUOSHI_DB_HOST", "127.0.0.1"),
                List.of(Integer.parseInt(SystemUnderTest.env("LUOSHI_DB_PORT", "3306"))), SystemUnderTest.env("LUOSHI_DB_USER", "root"),
                SystemUnderTest.env("LUOSHI_DB_PASSWORD", ""), null, null, null);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user, db.password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('"
                        + String.join("','", SCHEMAS) + "')")) {
            List<String> there = new ArrayList<>();
            while (rs.next()) {
                there.add(rs.getString(1));
            }
            if (!there.isEmpty()) {
                throw new IllegalStateException("the MariaDB server at " + db.host + ":" + db.ports.get(0) + " holds " + there
                        + " already: the harness loads into empty schemas (drop them, or measure that system with --target)");
            }
        }
        return db;
    }

    /**
     * Starts a new cluster with {@code cluster.sh start DIR} in a new folder under /tmp (free ports when the defaults are
     * taken); {@code holder} gets the object before the start, so that a Ctrl-C meanwhile destroys what was started.
     */
    static DatabaseUnderTest galera(Path root, Path log, java.util.function.Consumer<DatabaseUnderTest> holder)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "luoshi-galera-bench.");
        DatabaseUnderTest pending = new DatabaseUnderTest(Kind.GALERA, "127.0.0.1", List.of(), "root", "", null, root, dir);
        holder.accept(pending);
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("deploy/galera/cluster.sh").toString(), "start", dir.toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("LUOSHI_GALERA_DIR");
        Process p = pb.start();
        synchronized (pending) {
            pending.starting = p;
        }
        boolean done = p.waitFor(Long.parseLong(SystemUnderTest.env("LUOSHI_GALERA_TIMEOUT", "300")) * 3 + 60, TimeUnit.SECONDS);
        if (!done || p.exitValue() != 0) {
            throw new IllegalStateException("deploy/galera/cluster.sh start " + dir + " failed" + (done ? " (exit " + p.exitValue() + ")"
                    : " (not done in time)") + ": see " + log);
        }
        List<Integer> ports = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("cluster.env"), StandardCharsets.UTF_8)) {
            if (line.startsWith("SQL_PORTS_LIST=")) {
                for (String port : line.substring(line.indexOf('=') + 1).replace("\"", "").trim().split("\\s+")) {
                    ports.add(Integer.parseInt(port));
                }
            }
        }
        if (ports.size() != 3) {
            throw new IllegalStateException("no three SQL ports in " + dir.resolve("cluster.env"));
        }
        DatabaseUnderTest db = new DatabaseUnderTest(Kind.GALERA, "127.0.0.1", List.copyOf(ports), "root", "",
                (System.nanoTime() - start) / 1e9, root, dir);
        holder.accept(db);
        synchronized (pending) {
            pending.closed = true;              // the started object destroys the cluster now
        }
        return db;
    }

    boolean external() {
        return kind != Kind.EMBEDDED;
    }

    /** node 1 (or the one server): the harness's own connection. */
    String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + ports.get(0) + "/?allowLocalInfile=true";
    }

    /** For run.sh's LUOSHI_DB_URL: the servers part of each service's JDBC URL (the schema is appended). */
    String servicesUrl() {
        if (kind != Kind.GALERA) {
            return null;
        }
        StringBuilder url = new StringBuilder("jdbc:mariadb:sequential://");
        for (int i = 0; i < ports.size(); i++) {
            url.append(i == 0 ? "" : ",").append(host).append(':').append(ports.get(i));
        }
        return url.append('/').toString();
    }

    /** For the report's headings. */
    String label() {
        return switch (kind) {
            case EMBEDDED -> "single server: the embedded MariaDB that deploy/local/run.sh starts";
            case SERVER -> "single server: the MariaDB server at " + host + ":" + ports.get(0);
            case GALERA -> "Galera cluster of 3 nodes (deploy/galera/cluster.sh, ports " + ports
                    + "); the services through " + servicesUrl() + "…, the raw SQL and LOAD DATA on node 1";
        };
    }

    String shortLabel() {
        return switch (kind) {
            case EMBEDDED -> "single server (embedded)";
            case SERVER -> "single server (" + host + ":" + ports.get(0) + ")";
            case GALERA -> "Galera, 3 nodes";
        };
    }

    /**
     * Ends what the run used: the cluster is stopped and destroyed (its nodes' logs copied to {@code keepLogsIn} when
     * given); on a server, the services' schemas are dropped unless {@code keepData}.
     */
    synchronized void close(boolean keepData, Path keepLogsIn) {
        if (closed) {
            return;
        }
        closed = true;
        if (kind == Kind.SERVER && !keepData) {
            try (Connection c = DriverManager.getConnection(jdbcUrl(), user, password); Statement s = c.createStatement()) {
                for (String schema : SCHEMAS) {
                    s.execute("DROP DATABASE IF EXISTS " + schema);
                }
                System.out.println("dropped " + SCHEMAS + " on " + host + ":" + ports.get(0));
            } catch (SQLException e) {
                System.err.println("could not drop " + SCHEMAS + " on " + host + ":" + ports.get(0) + ": " + e.getMessage());
            }
        }
        if (kind != Kind.GALERA) {
            return;
        }
        if (starting != null && starting.isAlive()) {
            starting.descendants().forEach(ProcessHandle::destroy);
            starting.destroy();
            try {
                starting.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (keepLogsIn != null) {
            for (int n = 1; n <= 3; n++) {
                try {
                    Path from = clusterDir.resolve("n" + n + "/error.log");
                    if (Files.isRegularFile(from)) {
                        Files.createDirectories(keepLogsIn);
                        Files.copy(from, keepLogsIn.resolve("galera-n" + n + "-error.log"), StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    System.err.println("could not keep node " + n + "'s log: " + e.getMessage());
                }
            }
        }
        if (!Files.exists(clusterDir.resolve("cluster.env"))) {
            Main.deleteTree(clusterDir);        // nothing was started in it
            return;
        }
        System.out.println("stopping and destroying the Galera cluster in " + clusterDir + " ...");
        try {
            Process p = new ProcessBuilder("bash", root.resolve("deploy/galera/cluster.sh").toString(), "destroy", clusterDir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(Duration.ofMinutes(4).toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                System.err.println("cluster.sh destroy " + clusterDir + " did not finish cleanly: check for its mariadbd"
                        + " processes (deploy/galera/cluster.sh status " + clusterDir + ")");
            }
        } catch (IOException e) {
            System.err.println("could not run cluster.sh destroy " + clusterDir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(false, null);
    }
}
