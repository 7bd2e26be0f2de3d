package luoshi.review.committee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.common.Page;
import luoshi.platform.ProblemException;
import luoshi.api.review.CommitteeTerm;
import luoshi.api.review.Document;
import luoshi.api.review.DocumentType;
import luoshi.api.review.Meeting;
import luoshi.api.review.MeetingType;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.api.review.NewDocument;
import luoshi.api.review.NewMeeting;
import luoshi.audit.AuditTrail;
import luoshi.audit.AuditTrail.Action;

/**
 * Committee terms, meetings and documents: the facts the meeting requirements count. Every write is
 * audited in the write's transaction. A list's {@code scope} is the subtree the caller may read
 * ({@code Access.readScope}): the rows are always inside it, and of {@code regionCode} alone when given.
 */
@ApplicationScoped
@Transactional
public class CommitteeRecords {

    @Inject
    AuditTrail audit;

    @Inject
    TermOverlaps overlaps;

    /**
     * Records a term: the end after the start (400 naming {@code end}), and no overlap with a stored term of the
     * region (409), checked under the region's lock row ({@link TermOverlaps#refuseOverlaps}).
     */
    public CommitteeTerm createTerm(NewCommitteeTerm t) {
        TermOverlaps.endProblem(t).ifPresent(problem -> {
            throw ProblemException.badRequest("end", problem);
        });
        CommitteeTermEntity e = CommitteeTermEntity.of(t);
        overlaps.refuseOverlaps(List.of(e), i -> "The term ");
        e.persist();
        CommitteeTerm created = e.toDto();
        audit.record(Action.CREATE, "committee-term", e.id, e.regionCode, null, created);
        return created;
    }

    /**
     * Corrects a term to {@code t} (API.md, "Corrections"): the same rules as {@link #createTerm}, the term itself not
     * counting as an overlap. The term's row is read with a lock, not a consistent read, so that the overlap check
     * stays the transaction's first consistent read ({@link TermOverlaps#refuseOverlaps}); only the region the term
     * is in after the correction is locked: leaving a region cannot make an overlap there.
     */
    public CommitteeTerm updateTerm(String id, NewCommitteeTerm t) {
        TermOverlaps.endProblem(t).ifPresent(problem -> {
            throw ProblemException.badRequest("end", problem);
        });
        CommitteeTermEntity e = found(CommitteeTermEntity.findById(id, LockModeType.PESSIMISTIC_WRITE), "committee term", id);
        CommitteeTerm before = e.toDto();
        CommitteeTermEntity corrected = CommitteeTermEntity.of(t);
        corrected.id = e.id;
        overlaps.refuseOverlaps(List.of(corrected), i -> "The term ");
        e.regionCode = corrected.regionCode;
        e.start = corrected.start;
        e.end = corrected.end;
        CommitteeTerm after = e.toDto();
        audit.record(Action.UPDATE, "committee-term", e.id, e.regionCode, before, after);
        return after;
    }

    /** The region of a term, for the access check before it is corrected or deleted; 404 when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String termRegion(String id) {
        return found(CommitteeTermEntity.<CommitteeTermEntity>findById(id), "committee term", id).regionCode;
    }

    public void deleteTerm(String id) {
        CommitteeTermEntity e = found(CommitteeTermEntity.findById(id), "committee term", id);
        e.delete();
        audit.record(Action.DELETE, "committee-term", e.id, e.regionCode, e.toDto(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CommitteeTerm> terms(String regionCode, String scope, int page, int size) {
        return new Filters().with("regionCode = :region", "region", regionCode).inSubtree(scope)
                .page(CommitteeTermEntity.class, "regionCode, start, id", page, size, CommitteeTermEntity::toDto);
    }

    public Meeting createMeeting(NewMeeting m) {
        MeetingEntity e = MeetingEntity.of(m);
        e.persist();
        Meeting created = e.toDto();
        audit.record(Action.CREATE, "meeting", e.id, e.regionCode, null, created);
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Meeting> meetings(String regionCode, String scope, Integer year, MeetingType type, int page, int size) {
        return new Filters().with("regionCode = :region", "region", regionCode).inSubtree(scope)
                .with("date >= :from", "from", year == null ? null : LocalDate.of(year, 1, 1))
                .with("date <= :to", "to", year == null ? null : LocalDate.of(year, 12, 31))
                .with("type = :type", "type", type)
                .page(MeetingEntity.class, "date, id", page, size, MeetingEntity::toDto);
    }

    /** The region of a meeting, for the access check before it is deleted; 404 when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String meetingRegion(String id) {
        return meeting(id).regionCode;
    }

    public void deleteMeeting(String id) {
        MeetingEntity e = meeting(id);
        e.delete();
        audit.record(Action.DELETE, "meeting", e.id, e.regionCode, e.toDto(), null);
    }

    /** Corrects a meeting's fields (API.md, "Corrections"); audited with before and after. */
    public Meeting updateMeeting(String id, NewMeeting m) {
        MeetingEntity e = meeting(id);
        return corrected("meeting", e, () -> e.correct(m));
    }

    /** The record after {@code correction}, audited with the record before it ({@code T}: the record's DTO). */
    @SuppressWarnings("unchecked")
    private <T> T corrected(String entity, CommitteeRecordEntity<?> e, Runnable correction) {
        Object before = e.toDto();
        correction.run();
        Object after = e.toDto();
        audit.record(Action.UPDATE, entity, e.id, e.regionCode, before, after);
        return (T) after;
    }

    private static MeetingEntity meeting(String id) {
        return found(MeetingEntity.findById(id), "meeting", id);
    }

    /** {@code e}, the {@code what} of that id; a 404 when there is none. */
    private static <E> E found(E e, String what, String id) {
        if (e == null) {
            throw ProblemException.notFound("No " + what + " " + id + ".");
        }
        return e;
    }

    public Document createDocument(NewDocument d) {
        DocumentEntity e = DocumentEntity.of(d);
        e.persist();
        Document created = e.toDto();
        audit.record(Action.CREATE, "document", e.id, e.regionCode, null, created);
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Document document(String id) {
        return storedDocument(id).toDto();
    }

    /** Corrects a document's fields (API.md, "Corrections"); audited with before and after. */
    public Document updateDocument(String id, NewDocument d) {
        DocumentEntity e = storedDocument(id);
        return corrected("document", e, () -> e.correct(d));
    }

    public void deleteDocument(String id) {
        DocumentEntity e = storedDocument(id);
        e.delete();
        audit.record(Action.DELETE, "document", e.id, e.regionCode, e.toDto(), null);
    }

    private static DocumentEntity storedDocument(String id) {
        return found(DocumentEntity.findById(id), "document", id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Document> documents(String regionCode, String scope, DocumentType type, int page, int size) {
        return new Filters().with("regionCode = :region", "region", regionCode).inSubtree(scope)
                .with("type = :type", "type", type)
                .page(DocumentEntity.class, "date, id", page, size, DocumentEntity::toDto);
    }
}
