package luoshi.review.committee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.common.Page;
import luoshi.api.common.ProblemException;
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

    private static MeetingEntity meeting(String id) {
        MeetingEntity e = MeetingEntity.findById(id);
        if (e == null) {
            throw ProblemException.notFound("No meeting " + id + ".");
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
    public Page<Document> documents(String regionCode, String scope, DocumentType type, int page, int size) {
        return new Filters().with("regionCode = :region", "region", regionCode).inSubtree(scope)
                .with("type = :type", "type", type)
                .page(DocumentEntity.class, "date, id", page, size, DocumentEntity::toDto);
    }
}
