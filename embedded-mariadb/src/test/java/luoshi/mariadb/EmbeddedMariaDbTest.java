package luoshi.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new data directory starts from the machine's installed template, and is a copy of its own. */
class EmbeddedMariaDbTest {

    @TempDir
    Path tmp;

    @Test
    void aNewDataDirectoryIsACopyOfTheInstalledTemplate() throws Exception {
        Path base = EmbeddedMariaDb.defaultBaseDir();
        Path template = EmbeddedMariaDb.emptyDataTemplate(base);
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(0, base, tmp.resolve("first"))) {
            first.createSchemas("luoshi_first");
            assertTrue(Files.isDirectory(template), "the first install on this machine keeps its template: " + template);
        }
        assertTrue(Files.isRegularFile(template.resolve("ibdata1")), "the template holds InnoDB's system tablespace");
        assertFalse(Files.exists(template.resolve("luoshi_first")), "a schema of a server is not in the template");
        assertFalse(Files.exists(template.resolve(KeptPasswords.FILE)), "nor the passwords of a server");

        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(0, base, tmp.resolve("second"))) {
            second.createSchemas("luoshi_second");
            Account admin = second.admin();
            try (Connection c = DriverManager.getConnection(second.jdbcUrl() + "luoshi_second", admin.user(), admin.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, amount DECIMAL(15,2)) ENGINE=InnoDB");
                s.execute("INSERT INTO t VALUES (1, 20000.00)");
                try (ResultSet rs = s.executeQuery("SELECT amount, (SELECT COUNT(*) FROM mysql.user) FROM t")) {
                    assertTrue(rs.next());
                    assertEquals("20000.00", rs.getBigDecimal(1).toPlainString());
                    assertTrue(rs.getInt(2) > 0, "the system tables came with the copy");
                }
            }
            assertFalse(Files.exists(tmp.resolve("first").resolve("luoshi_second")), "each data directory is its own");
        }
        assertFalse(Files.exists(template.resolve("luoshi_second")), "the template is not changed by a server");
    }
}
