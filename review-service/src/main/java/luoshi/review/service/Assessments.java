package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import luoshi.api.assessment.Assessment;
import luoshi.api.assessment.NewAssessment;
import luoshi.api.common.Page;
import luoshi.audit.AuditTrail;
import luoshi.audit.AuditTrail.Action;
import luoshi.db.RetriedOnConflict;
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;
import luoshi.replica.RegionReplica;
import luoshi.review.store.AssessmentStore;
import luoshi.security.Access;

/**
 * Satisfaction assessments (API.md, "Satisfaction assessments"; SHAOXING-2015: 以群众满意为标准引入第三方评估): an assessor
 * (a third party) or an admin records, corrects and deletes them in its subtree ({@link Access#assess}); whoever reads
 * there reads them. Every write is audited in its transaction; a correction or a deletion reads its row with a lock,
 * authorises it in the row's region (and the one it moves to), checks {@code If-Match} against it (412), writes it with
 * a version check, and answers and audits the row read back (CONTRIBUTING, "Versions"). The audit advances the data
 * version, so the next verdict of MASS_SATISFACTION or SUBORDINATE_SATISFACTION counts the write.
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class Assessments {

    static final String ENTITY = "assessment";

    private final AssessmentStore assessments;
    private final AuditTrail audit;
    private final Preconditions preconditions;
    private final Access access;
    private final RegionReplica replica;

    Assessments(AssessmentStore assessments, AuditTrail audit, Preconditions preconditions, Access access,
            RegionReplica replica) {
        this.assessments = assessments;
        this.audit = audit;
        this.preconditions = preconditions;
        this.access = access;
        this.replica = replica;
    }

    /** Records an assessment of a known region the caller assesses: satisfied ≤ respondents (400 naming satisfied). */
    public Assessment create(NewAssessment a) {
        assess(a.regionCode());
        Assessment created = stored(UUID.randomUUID().toString(), a, 1);
        assessments.insert(created);
        audit.record(Action.CREATE, ENTITY, created.id(), created.regionCode(), null, created);
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Assessment get(String id) {
        Assessment a = found(assessments.find(id), id);
        access.read(a.regionCode());
        return a;
    }

    /** The assessments of {@code regionCode}'s subtree (the caller's without one), of the year when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Assessment> list(String regionCode, Integer year, int page, int size) {
        return assessments.page(access.readScope(regionCode), year, page, size);
    }

    /**
     * Corrects every field (API.md, "Corrections"), authorised like the write it corrects in the assessment's region and
     * in the one it moves to; with the rules of a creation. A correction that changes nothing writes nothing.
     */
    public Assessment update(String id, NewAssessment a) {
        Assessment before = found(assessments.lock(id), id);
        access.assess(before.regionCode());
        assess(a.regionCode());
        preconditions.check(what(id), before);
        Assessment after = stored(id, a, before.version());
        if (after.equals(before)) {
            return before;
        }
        assessments.update(after);
        Assessment stored = found(assessments.find(id), id);
        audit.record(Action.UPDATE, ENTITY, id, stored.regionCode(), before, stored);
        return stored;
    }

    public void delete(String id) {
        Assessment a = found(assessments.lock(id), id);
        access.assess(a.regionCode());
        preconditions.check(what(id), a);
        assessments.delete(a);
        audit.record(Action.DELETE, ENTITY, id, a.regionCode(), a, null);
    }

    /** An assessment of {@code region}: the caller's to record there (403 first), and the region exists (404). */
    private void assess(String region) {
        access.assess(region);
        replica.requireKnown(region);
    }

    /** The assessment as stored: texts stripped, a blank document number none; satisfied ≤ respondents. */
    private static Assessment stored(String id, NewAssessment a, long version) {
        if (a.satisfied() > a.respondents()) {
            throw ProblemException.badRequest("satisfied", "must be at most respondents (" + a.respondents() + ")");
        }
        String ref = a.documentRef() == null || a.documentRef().isBlank() ? null : a.documentRef().strip();
        return new Assessment(id, a.regionCode(), a.year(), a.assessor().strip(), a.method().strip(), a.respondents(),
                a.satisfied(), a.subject(), ref, version);
    }

    private static String what(String id) {
        return "assessment " + id;
    }

    private static Assessment found(java.util.Optional<Assessment> a, String id) {
        return a.orElseThrow(() -> ProblemException.notFound("No " + what(id) + "."));
    }
}
