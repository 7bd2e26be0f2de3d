package luoshi.review.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import luoshi.api.assessment.Assessment;
import luoshi.api.assessment.AssessmentSubject;
import luoshi.api.common.Page;
import luoshi.db.Database;
import luoshi.db.Sql;

/** Satisfaction assessments (table {@code satisfaction_assessment}; API.md, "Satisfaction assessments"). */
@ApplicationScoped
public class AssessmentStore {

    private static final String COLUMNS = "id, region_code, year, assessor, method, respondents, satisfied, subject, "
            + "document_ref, version";

    private final Database db;

    AssessmentStore(Database db) {
        this.db = db;
    }

    /** Stores a new assessment (its version is the column's default, 1). */
    public void insert(Assessment a) {
        db.insertAll("INSERT INTO satisfaction_assessment (id, region_code, year, assessor, method, respondents, satisfied, "
                + "subject, document_ref) VALUES", "", List.of(a), r -> Arrays.asList(r.id(), r.regionCode(), r.year(),
                r.assessor(), r.method(), r.respondents(), r.satisfied(), r.subject(), r.documentRef()));
    }

    public Optional<Assessment> find(String id) {
        return db.one(Sql.of("SELECT " + COLUMNS + " FROM satisfaction_assessment WHERE id = :id").bind("id", id),
                AssessmentStore::assessment);
    }

    /**
     * The assessment, read with a lock on its row until the transaction ends (the newest committed version), for a
     * correction or a deletion: the audit's {@code before} is then the previous write's {@code after}.
     */
    public Optional<Assessment> lock(String id) {
        return db.one(Sql.of("SELECT " + COLUMNS + " FROM satisfaction_assessment WHERE id = :id FOR UPDATE").bind("id", id),
                AssessmentStore::assessment);
    }

    /** Stores {@code a}'s fields under its id, which must be at {@code a.version()} (read with {@link #lock}), advancing it. */
    public void update(Assessment a) {
        db.updateOne(Sql.of("UPDATE satisfaction_assessment SET region_code = :region, year = :year, assessor = :assessor, "
                        + "method = :method, respondents = :respondents, satisfied = :satisfied, subject = :subject, "
                        + "document_ref = :ref, version = version + 1 WHERE id = :id AND version = :version")
                .bind("region", a.regionCode()).bind("year", a.year()).bind("assessor", a.assessor())
                .bind("method", a.method()).bind("respondents", a.respondents()).bind("satisfied", a.satisfied())
                .bind("subject", a.subject()).bind("ref", a.documentRef()).bind("id", a.id()).bind("version", a.version()));
    }

    /** Deletes {@code a} (read with {@link #lock}, at its version). */
    public void delete(Assessment a) {
        db.updateOne(Sql.of("DELETE FROM satisfaction_assessment WHERE id = :id AND version = :version").bind("id", a.id())
                .bind("version", a.version()));
    }

    /** The assessments inside {@code scope}'s subtree, of the year when given, by region, year and id. */
    public Page<Assessment> page(String scope, Integer year, int page, int size) {
        return new Filters().inSubtree(scope).with("year = :year", "year", year)
                .page(db, COLUMNS, "satisfaction_assessment", "region_code, year, id", page, size, AssessmentStore::assessment);
    }

    private static Assessment assessment(ResultSet rs) throws SQLException {
        return new Assessment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getInt(7), AssessmentSubject.valueOf(rs.getString(8)), rs.getString(9), rs.getLong(10));
    }
}
