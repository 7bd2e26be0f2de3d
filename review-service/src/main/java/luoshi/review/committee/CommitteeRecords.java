package luoshi.review.committee;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
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

/** Committee terms, meetings and documents: the facts the meeting requirements count. */
@ApplicationScoped
@Transactional
public class CommitteeRecords {

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
        return e.toDto();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CommitteeTerm> terms(String regionCode, int page, int size) {
        return new Filters().with("regionCode = :region", "region", regionCode)
                .page(CommitteeTermEntity.class, "regionCode, start, id", page, size, CommitteeTermEntity::toDto);
    }

    public Meeting createMeeting(NewMeeting m) {
        MeetingEntity e = new MeetingEntity();
        e.fill(m.regionCode(), m.title(), m.documentRef());
        e.type = m.type();
        e.date = m.date();
        e.persist();
        return e.toDto();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Meeting> meetings(String regionCode, Integer year, MeetingType type, int page, int size) {
        return new Filters().with("regionCode = :region", "region", regionCode)
                .with("date >= :from", "from", year == null ? null : LocalDate.of(year, 1, 1))
                .with("date <= :to", "to", year == null ? null : LocalDate.of(year, 12, 31))
                .with("type = :type", "type", type)
                .page(MeetingEntity.class, "date, id", page, size, MeetingEntity::toDto);
    }

    public void deleteMeeting(String id) {
        if (!MeetingEntity.deleteById(id)) {
            throw ProblemException.notFound("No meeting " + id + ".");
        }
    }

    public Document createDocument(NewDocument d) {
        DocumentEntity e = new DocumentEntity();
        e.fill(d.regionCode(), d.title(), d.documentRef());
        e.type = d.type();
        e.date = d.date();
        e.persist();
        return e.toDto();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Document> documents(String regionCode, DocumentType type, int page, int size) {
        return new Filters().with("regionCode = :region", "region", regionCode)
                .with("type = :type", "type", type)
                .page(DocumentEntity.class, "date, id", page, size, DocumentEntity::toDto);
    }
}
