package luoshi.rules.catalog;

import java.sql.SQLException;
import luoshi.db.Database;
import luoshi.db.DatabaseException;
import luoshi.db.Sql;

/** The first write of a versioned row of the catalog's tables (a setting, an owner), after it was read absent. */
final class Rows {

    private Rows() {
    }

    /**
     * Inserts a row that the write read as absent under its lock (version 1). A concurrent first write of the same key
     * that committed in between (another Galera node's: row locks hold on one node only) makes this one a
     * serialization conflict (40001) that {@code RetriedOnConflict} runs again whole, which then finds the row.
     */
    static void insertFirst(Database db, Sql insert) {
        try {
            db.update(insert);
        } catch (DatabaseException e) {
            if (e.duplicateKey()) {
                throw new DatabaseException("the row was written since it was read absent",
                        new SQLException("the row was written since it was read absent", "40001"));
            }
            throw e;
        }
    }
}
