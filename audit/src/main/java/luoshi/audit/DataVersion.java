package luoshi.audit;

import jakarta.enterprise.context.ApplicationScoped;
import luoshi.db.Database;
import luoshi.db.Sql;

/**
 * The version of this service's data: a counter row that every write advances inside its own transaction
 * ({@link AuditTrail#record} does it for every audited write; the read copy of regions when it applies changes).
 * The row lock orders the writers, so the versions are in commit order: a reader that sees version {@code v} sees
 * every write up to {@code v}, and no committed write leaves the version unchanged. An answer computed after
 * reading {@code v} is therefore current for as long as the version reads {@code v}, on every replica of the
 * service, which is what {@code luoshi.rules.engine.ComplianceAnswers} keeps answers by.
 */
@ApplicationScoped
public class DataVersion {

    private static final Sql CURRENT = Sql.of("SELECT version FROM data_version WHERE id = 1");
    private static final Sql ADVANCE = Sql.of("UPDATE data_version SET version = version + 1 WHERE id = 1");

    private final Database db;

    DataVersion(Database db) {
        this.db = db;
    }

    /** The version of the committed data now: one primary-key read. */
    public long current() {
        return db.one(CURRENT, rs -> rs.getLong(1))
                .orElseThrow(() -> new IllegalStateException("data_version has no row: the migration V0_4 did not run"));
    }

    /**
     * Advances the version in the caller's transaction (call it from the write's {@code @Transactional} method); outside
     * one, at once, on a connection of its own.
     */
    public void advance() {
        db.update(ADVANCE);
    }
}
