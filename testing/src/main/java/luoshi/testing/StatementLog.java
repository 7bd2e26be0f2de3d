package luoshi.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import luoshi.mariadb.Account;

/**
 * The statements the test server ran while some work ran, from MariaDB's general log (kept in its table meanwhile, by
 * the server's administrator): how a test counts the statements an answer takes, whatever connection of whichever pool
 * ran them. The services' driver sends the text with its values in place, so a test picks out its own statements by
 * what they read and the region they name.
 */
public final class StatementLog {

    private StatementLog() {
    }

    /** The text of every statement the server ran while {@code work} ran, in order. */
    public static List<String> during(Runnable work) {
        Account admin = TestDatabase.admin();
        try (Connection c = DriverManager.getConnection(TestDatabase.serverUrl(), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            String output = one(s, "SELECT @@GLOBAL.log_output");
            s.execute("SET GLOBAL log_output = 'TABLE'");
            s.execute("TRUNCATE mysql.general_log");
            s.execute("SET GLOBAL general_log = 1");
            try {
                work.run();
            } finally {
                s.execute("SET GLOBAL general_log = 0");
                s.execute("SET GLOBAL log_output = '" + output + "'");   // the server's own value, not a caller's
            }
            List<String> statements = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT argument FROM mysql.general_log"
                    + " WHERE command_type IN ('Query', 'Execute') ORDER BY event_time")) {
                while (rs.next()) {
                    statements.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                }
            }
            s.execute("TRUNCATE mysql.general_log");
            return statements;
        } catch (SQLException e) {
            throw new IllegalStateException("the general log of the test server could not be read", e);
        }
    }

    private static String one(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
