package luoshi.mariadb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two accounts of one service's schema (API.md, "Exposure": no user a service holds at run time can drop the audit
 * triggers). {@code runtime} (named like the schema) is what the service's connection pool uses: SELECT, INSERT, UPDATE
 * and DELETE on its own schema, nothing else: it cannot create, alter or drop a table or a trigger (DROP TRIGGER needs
 * the TRIGGER privilege), truncate (DROP), or see another schema. {@code migration} ({@code <schema>_migration}) is what
 * Flyway migrates with at start ({@code quarkus.flyway.username}): every privilege on that schema and on no other.
 * The services' SQL needs no more than DML: row locks ({@code FOR UPDATE}, {@code SKIP LOCKED}) come with UPDATE,
 * {@code SET STATEMENT innodb_lock_wait_timeout} and the isolation level are session settings, and no service uses
 * {@code LOCK TABLES}, temporary tables, {@code LOAD DATA} or stored routines.
 */
public record SchemaAccounts(String schema, Account runtime, Account migration) {

    public static final String MIGRATION_SUFFIX = "_migration";

    public SchemaAccounts {
        Account.requireName(schema);
        Account.requireName(runtime.user());
        Account.requireName(migration.user());
    }

    /** Accounts named after {@code schema} with new random passwords. */
    public static SchemaAccounts generate(String schema) {
        return new SchemaAccounts(schema, Account.generate(schema), Account.generate(schema + MIGRATION_SUFFIX));
    }

    /**
     * Creates the schema if missing, and both users (from any host, with their passwords: a user that exists already
     * gets this password), each granted its rights on this schema only. {@code admin} must be allowed to create users
     * and grant (root). Run again, it changes nothing but the passwords.
     */
    public void createOn(String serverUrl, Account admin) {
        String on = "`" + schema + "`.*";
        execute(serverUrl, admin, "create the schema " + schema + " and its accounts",
                "CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "CREATE USER IF NOT EXISTS " + userAt(runtime) + " IDENTIFIED BY " + runtime.passwordLiteral(),
                "ALTER USER " + userAt(runtime) + " IDENTIFIED BY " + runtime.passwordLiteral(),
                "GRANT SELECT, INSERT, UPDATE, DELETE ON " + on + " TO " + userAt(runtime),
                "CREATE USER IF NOT EXISTS " + userAt(migration) + " IDENTIFIED BY " + migration.passwordLiteral(),
                "ALTER USER " + userAt(migration) + " IDENTIFIED BY " + migration.passwordLiteral(),
                "GRANT ALL PRIVILEGES ON " + on + " TO " + userAt(migration));
    }

    /** Drops both users and the schema (a test's accounts, at its end). */
    public void dropFrom(String serverUrl, Account admin) {
        execute(serverUrl, admin, "drop the schema " + schema + " and its accounts",
                "DROP USER IF EXISTS " + userAt(runtime),
                "DROP USER IF EXISTS " + userAt(migration),
                "DROP DATABASE IF EXISTS `" + schema + "`");
    }

    private static String userAt(Account account) {
        return "'" + account.user() + "'@'%'";
    }

    static void execute(String serverUrl, Account admin, String what, String... statements) {
        try (Connection c = DriverManager.getConnection(serverUrl, admin.user(), admin.password());
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot " + what + " on " + serverUrl + " as " + admin.user() + ": "
                    + e.getMessage(), e);
        }
    }
}
