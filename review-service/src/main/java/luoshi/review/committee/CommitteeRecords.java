package luoshi.review.committee;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
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

    /**
     * Records a term. The region's lock row is taken first, so that of two concurrent overlapping
     * terms exactly one is stored and the other is refused with 409. The overlap check after it is a
     * plain read, not FOR UPDATE: a locking range read takes next-key locks that reach into the
     * neighbouring region's index entries, and concurrent terms of adjacent regions then deadlocked
     * (found loading the whole country, benchmarks/). The lock row is enough: this read is the
     * transaction's first consistent read, so its snapshot begins after the lock was granted and holds
     * every term the region's earlier writers committed.
     */
    public CommitteeTerm createTerm(NewCommitteeTerm t) {
        if (!t.end().isAfter(t.start())) {
            throw ProblemException.badRequest("end", "must be after start (" + t.start() + ")");
        }
        var em = Panache.getEntityManager();
        em.createNativeQuery("INSERT INTO committee_term_region_lock (region_code) VALUES (?1) "
                + "ON DUPLICATE KEY UPDATE region_code = region_code").setParameter(1, t.regionCode()).executeUpdate();
        @SuppressWarnings("unchecked")
        var overlapping = (java.util.List<Object[]>) em.createNativeQuery(
                "SELECT id, start_date, end_date FROM committee_term WHERE region_code = ?1 "
                        + "AND start_date <= ?2 AND end_date >= ?3")
                .setParameter(1, t.regionCode()).setParameter(2, t.end()).setParameter(3, t.start())
                .getResultList();
        if (!overlapping.isEmpty()) {
            Object[] other = overlapping.get(0);
            throw ProblemException.conflict("The term overlaps the term " + other[1] + " – " + other[2]
                    + " of region " + t.regionCode() + " (id " + other[0] + ").");
        }
        CommitteeTermEntity e = new CommitteeTermEntity();
        e.id = UUID.randomUUID().toString();
        e.regionCode = t.regionCode();
        e.start = t.start();
        e.end = t.end();
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
        MeetingEntity e = new MeetingEntity();
        e.fill(m.regionCode(), m.title(), m.documentRef());
        e.type = m.type();
        e.date = m.date();
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
        DocumentEntity e = new DocumentEntity();
        e.fill(d.regionCode(), d.title(), d.documentRef());
        e.type = d.type();
        e.date = d.date();
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
