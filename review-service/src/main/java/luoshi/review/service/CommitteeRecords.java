package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import luoshi.api.common.Page;
import luoshi.api.review.CommitteeTerm;
import luoshi.api.review.CommitteeTermCorrection;
import luoshi.api.review.Document;
import luoshi.api.review.DocumentType;
import luoshi.api.review.Meeting;
import luoshi.api.review.MeetingType;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.api.review.NewDocument;
import luoshi.api.review.NewMeeting;
import luoshi.audit.AuditTrail;
import luoshi.audit.AuditTrail.Action;
import luoshi.db.RetriedOnConflict;
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;
import luoshi.review.store.CommitteeRecord;
import luoshi.review.store.CommitteeRecordStore;
import luoshi.review.store.CommitteeRecordStore.Table;
import luoshi.review.store.TermStore;
import luoshi.security.Access;

/**
 * Committee terms, meetings and documents: the facts the meeting requirements count. An operator writes (corrects,
 * deletes) in its subtree, a viewer reads there (docs/API.md, Security): every method asks {@link Access} (or
 * {@link KnownRegions}, for a region a write names) before it reads or writes. Every write is audited in the write's
 * transaction; a correction or a deletion reads its row with a lock, authorises it in the row's region, checks
 * {@code If-Match} against it (412), writes it with a version check, and answers and audits the row read back
 * (CONTRIBUTING, "Versions"). A list covers the subtree the caller may read ({@code Access.readScope}), of
 * {@code regionCode} alone when given.
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class CommitteeRecords {

    private final AuditTrail audit;
    private final TermOverlaps overlaps;
    private final TermStore terms;
    private final CommitteeRecordStore records;
    private final Preconditions preconditions;
    private final Access access;
    private final KnownRegions regions;

    CommitteeRecords(AuditTrail audit, TermOverlaps overlaps, TermStore terms, CommitteeRecordStore records,
            Preconditions preconditions, Access access, KnownRegions regions) {
        this.audit = audit;
        this.overlaps = overlaps;
        this.terms = terms;
        this.records = records;
        this.preconditions = preconditions;
        this.access = access;
        this.regions = regions;
    }

    /**
     * Records a term: the end after the start (400 naming {@code end}), and no overlap with a stored term of the
     * region (409), checked under the region's lock row ({@link TermOverlaps#refuseOverlaps}).
     */
    public CommitteeTerm createTerm(NewCommitteeTerm t) {
        regions.write(t.regionCode());
        TermOverlaps.endProblem(t).ifPresent(problem -> {
            throw ProblemException.badRequest("end", problem);
        });
        CommitteeTerm created = TermOverlaps.created(t);
        overlaps.refuseOverlaps(List.of(created), i -> "The term ");
        terms.insertAll(List.of(created));
        audit.record(Action.CREATE, "committee-term", created.id(), created.regionCode(), null, created);
        return created;
    }

    /**
     * Corrects a term (API.md, "Corrections"), authorised like the write it corrects in its region and in the one it is
     * moved to ({@code regionCode} omitted: it stays): the same rules as {@link #createTerm}, the term itself not
     * counting as an overlap. The term's row is read with a lock, not a consistent read, so that the overlap check
     * stays the transaction's first consistent read ({@link TermOverlaps#refuseOverlaps}); only the region the term
     * is in after the correction is locked: leaving a region cannot make an overlap there.
     */
    public CommitteeTerm updateTerm(String id, CommitteeTermCorrection correction) {
        CommitteeTerm before = found(terms.findForUpdate(id), "committee term", id);
        NewCommitteeTerm t = new NewCommitteeTerm(correction.regionCode() == null ? before.regionCode()
                : correction.regionCode(), correction.start(), correction.end());
        regions.correct(before.regionCode(), t.regionCode());
        TermOverlaps.endProblem(t).ifPresent(problem -> {
            throw ProblemException.badRequest("end", problem);
        });
        preconditions.check("committee term " + id, before);
        CommitteeTerm after = new CommitteeTerm(before.id(), t.regionCode(), t.start(), t.end(), before.version());
        if (after.equals(before)) {
            return before;
        }
        overlaps.refuseOverlaps(List.of(after), i -> "The term ");
        terms.update(after);
        CommitteeTerm stored = found(terms.find(id), "committee term", id);
        audit.record(Action.UPDATE, "committee-term", id, stored.regionCode(), before, stored);
        return stored;
    }

    public void deleteTerm(String id) {
        CommitteeTerm term = found(terms.findForUpdate(id), "committee term", id);
        access.write(term.regionCode());
        preconditions.check("committee term " + id, term);
        terms.delete(term);
        audit.record(Action.DELETE, "committee-term", term.id(), term.regionCode(), term, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CommitteeTerm> terms(String regionCode, int page, int size) {
        return terms.page(regionCode, access.readScope(regionCode), page, size);
    }

    public Meeting createMeeting(NewMeeting m) {
        return created(CommitteeRecordStore.MEETINGS, "meeting", newMeeting(m), CommitteeRecords::meeting);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Meeting> meetings(String regionCode, Integer year, MeetingType type, int page, int size) {
        return records.page(CommitteeRecordStore.MEETINGS, regionCode, access.readScope(regionCode), year, type, page, size)
                .map(CommitteeRecords::meeting);
    }

    public void deleteMeeting(String id) {
        deleted(CommitteeRecordStore.MEETINGS, "meeting", id, CommitteeRecords::meeting);
    }

    /** Corrects a meeting's fields (API.md, "Corrections"); audited with before and after. */
    public Meeting updateMeeting(String id, NewMeeting m) {
        return corrected(CommitteeRecordStore.MEETINGS, "meeting", id, m.regionCode(),
                r -> r.corrected(m.regionCode(), m.type(), m.date(), m.title(), m.documentRef()), CommitteeRecords::meeting);
    }

    public Document createDocument(NewDocument d) {
        return created(CommitteeRecordStore.DOCUMENTS, "document", newDocument(d), CommitteeRecords::document);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Document document(String id) {
        Document document = document(stored(CommitteeRecordStore.DOCUMENTS, "document", id));
        access.read(document.regionCode());
        return document;
    }

    /** Corrects a document's fields (API.md, "Corrections"); audited with before and after. */
    public Document updateDocument(String id, NewDocument d) {
        return corrected(CommitteeRecordStore.DOCUMENTS, "document", id, d.regionCode(),
                r -> r.corrected(d.regionCode(), d.type(), d.date(), d.title(), d.documentRef()), CommitteeRecords::document);
    }

    public void deleteDocument(String id) {
        deleted(CommitteeRecordStore.DOCUMENTS, "document", id, CommitteeRecords::document);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Document> documents(String regionCode, DocumentType type, int page, int size) {
        return records.page(CommitteeRecordStore.DOCUMENTS, regionCode, access.readScope(regionCode), null, type, page, size)
                .map(CommitteeRecords::document);
    }

    /** A new meeting, with its new id, not stored yet. */
    static CommitteeRecord<MeetingType> newMeeting(NewMeeting m) {
        return CommitteeRecord.created(m.regionCode(), m.type(), m.date(), m.title(), m.documentRef());
    }

    /** A new document, with its new id, not stored yet. */
    static CommitteeRecord<DocumentType> newDocument(NewDocument d) {
        return CommitteeRecord.created(d.regionCode(), d.type(), d.date(), d.title(), d.documentRef());
    }

    /** The meeting as the contract has it. */
    static Meeting meeting(CommitteeRecord<MeetingType> r) {
        return new Meeting(r.id(), r.regionCode(), r.type(), r.date(), r.title(), r.documentRef(), r.version());
    }

    /** The document as the contract has it. */
    static Document document(CommitteeRecord<DocumentType> r) {
        return new Document(r.id(), r.regionCode(), r.type(), r.date(), r.title(), r.documentRef(), r.version());
    }

    /** Stores a new record of a known region the caller writes, audited as {@code entity}; answers it as the contract has it ({@code D}). */
    private <K extends Enum<K>, D> D created(Table<K> table, String entity, CommitteeRecord<K> r,
            Function<CommitteeRecord<K>, D> toDto) {
        regions.write(r.regionCode());
        records.insertAll(table, List.of(r));
        D created = toDto.apply(r);
        audit.record(Action.CREATE, entity, r.id(), r.regionCode(), null, created);
        return created;
    }

    /**
     * The record after {@code correction} of the one stored (read with its lock), authorised in its region and in
     * {@code region}, where it is after it, {@code If-Match} checked against it; stored with the next version and
     * audited with the record before it; answers it as read back. A correction that changes nothing writes nothing.
     */
    private <K extends Enum<K>, D> D corrected(Table<K> table, String entity, String id, String region,
            Function<CommitteeRecord<K>, CommitteeRecord<K>> correction, Function<CommitteeRecord<K>, D> toDto) {
        CommitteeRecord<K> before = found(records.lock(table, id), entity, id);
        regions.correct(before.regionCode(), region);
        preconditions.check(entity + " " + id, before);
        CommitteeRecord<K> after = correction.apply(before);
        if (after.equals(before)) {
            return toDto.apply(before);
        }
        records.update(table, after);
        D corrected = toDto.apply(stored(table, entity, id));
        audit.record(Action.UPDATE, entity, id, after.regionCode(), toDto.apply(before), corrected);
        return corrected;
    }

    private <K extends Enum<K>, D> void deleted(Table<K> table, String entity, String id,
            Function<CommitteeRecord<K>, D> toDto) {
        CommitteeRecord<K> r = found(records.lock(table, id), entity, id);
        access.write(r.regionCode());
        preconditions.check(entity + " " + id, r);
        records.delete(table, r);
        audit.record(Action.DELETE, entity, id, r.regionCode(), toDto.apply(r), null);
    }

    /** The stored record of that id; a 404 naming the {@code entity} when there is none. */
    private <K extends Enum<K>> CommitteeRecord<K> stored(Table<K> table, String entity, String id) {
        return found(records.find(table, id), entity, id);
    }

    /** The {@code what} of that id; a 404 when there is none. */
    private static <E> E found(Optional<E> e, String what, String id) {
        return e.orElseThrow(() -> ProblemException.notFound("No " + what + " " + id + "."));
    }
}
