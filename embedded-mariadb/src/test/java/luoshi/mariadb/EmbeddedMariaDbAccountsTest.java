package luoshi.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server is no open door (issue #24, "Exposure"): it listens on 127.0.0.1 only, refuses anonymous and
 * password-less logins, and a service's own user can neither drop the audit trail's triggers nor reach another schema.
 */
class EmbeddedMariaDbAccountsTest {

    /** MariaDB's "access denied" errors: 1045 (login), 1044 (database), 1142 (table command), 1227 (privilege). */
    private static final Set<Integer> ACCESS_DENIED = Set.of(1044, 1045, 1142, 1227);

    @TempDir
    static Path tmp;

    static EmbeddedMariaDb server;
    static SchemaAccounts org;
    static SchemaAccounts funding;

    @BeforeAll
    static void start() throws SQLException {
        server = EmbeddedMariaDb.start(0, EmbeddedMariaDb.defaultBaseDir(), tmp.resolve("data"));
        org = server.schemaAccounts("luoshi_org");
        funding = server.schemaAccounts("luoshi_funding");
        // what audit's V0_3 migration does, as the migration account (the one Flyway uses)
        try (Connection c = connect("luoshi_org", org.migration()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE audit_event (id BIGINT AUTO_INCREMENT PRIMARY KEY, actor VARCHAR(255) NOT NULL)");
            s.execute("CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'");
            s.execute("CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'");
        }
        try (Connection c = connect("luoshi_funding", funding.migration()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE funding_record (id BIGINT PRIMARY KEY, amount DECIMAL(15,2) NOT NULL)");
            s.execute("INSERT INTO funding_record VALUES (1, 20000.00)");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAnonymousLoginIsRefused() {
        assertDenied(() -> DriverManager.getConnection(server.jdbcUrl(), "", "").close());
        assertDenied(() -> DriverManager.getConnection(server.jdbcUrl(), "nobody", "").close());
    }

    @Test
    void rootWithoutItsPasswordIsRefusedOverTcp() throws SQLException {
        assertDenied(() -> DriverManager.getConnection(server.jdbcUrl(), "root", "").close());
        assertDenied(() -> DriverManager.getConnection(server.jdbcUrl(), "root", "root").close());
        assertDenied(() -> DriverManager.getConnection(server.jdbcUrl(), org.runtime().user(), "").close());
        Account admin = server.admin();
        assertNotEquals("", admin.password());
        List<String> open = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), admin.user(), admin.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT User, Host, Priv FROM mysql.global_priv")) {
            while (rs.next()) {
                String priv = rs.getString(3);
                boolean roleOrLocked = priv.contains("\"is_role\":true") || priv.contains("\"account_locked\":true");
                boolean password = priv.matches(".*\"authentication_string\":\"\\*[0-9A-F]{40}\".*");
                boolean socketOnly = priv.matches(".*\"plugin\":\"unix_socket\".*") || priv.contains("\"authentication_string\":\"invalid\"");
                if (rs.getString(1).isEmpty() || !roleOrLocked && !password && !socketOnly) {
                    open.add(rs.getString(1) + "@" + rs.getString(2) + " " + priv);
                }
            }
        }
        assertEquals(List.of(), open, "no anonymous user, none without a password (but a Unix socket's own OS user)");
    }

    @Test
    void listensOn127001Only() throws IOException {
        assertEquals(Set.of("127.0.0.1:" + server.port()), listeningOn(server.port()), "the listening sockets (/proc/net/tcp*)");
        // every 127/8 address reaches this machine's loopback: only a server bound to all addresses would answer here
        try (Socket other = new Socket()) {
            assertThrows(ConnectException.class, () -> other.connect(new InetSocketAddress("127.0.0.2", server.port()), 2000));
        }
    }

    @Test
    void aServicesOwnUserWritesItsRowsButCannotDropTheAuditTriggers() throws SQLException {
        try (Connection c = connect("luoshi_org", org.runtime()); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO audit_event (actor) VALUES ('张三')"));
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_event SET actor = 'x'"));
            assertEquals("45000", update.getSQLState(), "the trigger refuses it: " + update.getMessage());
            assertDenied(() -> s.execute("DROP TRIGGER audit_event_no_update"));
            assertDenied(() -> s.execute("DROP TABLE audit_event"));
            assertDenied(() -> s.execute("TRUNCATE TABLE audit_event"));
            assertDenied(() -> s.execute("ALTER TABLE audit_event ADD COLUMN x INT"));
            assertDenied(() -> s.execute("CREATE TABLE elsewhere (id INT PRIMARY KEY)"));
        }
        Account admin = server.admin();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), admin.user(), admin.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = 'luoshi_org'")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "both triggers are still there");
        }
    }

    @Test
    void noUserOfOneServiceReachesAnotherServicesSchema() {
        for (Account account : List.of(org.runtime(), org.migration())) {
            assertDenied(() -> connect("luoshi_funding", account).close());
            assertDenied(() -> {
                try (Connection c = connect("luoshi_org", account); Statement s = c.createStatement()) {
                    s.executeQuery("SELECT amount FROM luoshi_funding.funding_record").close();
                }
            });
            assertDenied(() -> {
                try (Connection c = connect("luoshi_org", account); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE luoshi_funding");
                }
            });
        }
    }

    @Test
    void thePasswordsAreKeptInTheDataDirectoryForItsOwnerOnly() throws IOException {
        Path file = server.passwordsFile();
        assertEquals(tmp.resolve("data"), file.getParent());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String text = Files.readString(file);
        for (Account a : List.of(server.admin(), org.runtime(), org.migration(), funding.runtime(), funding.migration())) {
            assertTrue(text.contains(a.user() + "=" + a.password() + "\n"), a.user() + " is kept");
        }
        assertEquals(org, server.schemaAccounts("luoshi_org"), "asked again, a schema keeps its accounts");
    }

    @Test
    void tlsIsOfferedWithTheDataDirectorysOwnKey() throws Exception {
        Path data = tmp.resolve("data");
        Path key = data.resolve(TlsKey.KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----\n"), "PKCS#8, as the server reads it");
        // trust: the certificate is self-signed (the 11.4 client verifies it through the password's fingerprint)
        try (Connection c = DriverManager.getConnection(server.jdbcUrl() + "luoshi_org?sslMode=trust",
                org.runtime().user(), org.runtime().password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            assertTrue(rs.next());
            assertNotEquals("", rs.getString(2), "this connection is encrypted");
        }
        try (Statement s = DriverManager.getConnection(server.jdbcUrl(), server.admin().user(), server.admin().password())
                .createStatement(); ResultSet rs = s.executeQuery("SELECT @@ssl_key, @@ssl_cert")) {
            assertTrue(rs.next());
            assertEquals(key.toString(), rs.getString(1), "the server's key is the data directory's, not one made at start");
            assertEquals(data.resolve(TlsKey.CERT_FILE).toString(), rs.getString(2));
            s.getConnection().close();
        }
    }

    /** The local addresses listening on {@code port} (IPv4 and IPv6), from the kernel's socket tables. */
    private static Set<String> listeningOn(int port) throws IOException {
        Set<String> addresses = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {   // the first is the header
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if ("0A".equals(f[3]) && Integer.parseInt(local[1], 16) == port) {   // 0A: LISTEN
                    addresses.add(address(local[0]) + ":" + port);
                }
            }
        }
        return addresses;
    }

    /** A /proc/net/tcp address: 32-bit words in the host's (little-endian) byte order. */
    private static String address(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + (v >> 8 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 24 & 0xff);
        }
        return hex.chars().allMatch(ch -> ch == '0') ? "::" : "[" + hex + "]";
    }

    private static Connection connect(String schema, Account account) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl() + schema, account.user(), account.password());
    }

    private static void assertDenied(SqlCall call) {
        SQLException e = assertThrows(SQLException.class, call::run);
        assertTrue(ACCESS_DENIED.contains(e.getErrorCode()), "access denied, not: " + e.getErrorCode() + " " + e.getMessage());
    }

    @FunctionalInterface
    private interface SqlCall {
        void run() throws SQLException;
    }
}
