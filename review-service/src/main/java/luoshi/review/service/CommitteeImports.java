package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Function;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Violation;
import luoshi.api.review.CommitteeTerm;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.api.review.NewDocument;
import luoshi.api.review.NewMeeting;
import luoshi.batch.BatchImport;
import luoshi.batch.BatchReader;
import luoshi.db.RetriedOnConflict;
import luoshi.replica.RegionReplica;
import luoshi.review.store.CommitteeRecord;
import luoshi.review.store.CommitteeRecordStore;
import luoshi.review.store.CommitteeRecordStore.Table;
import luoshi.review.store.TermStore;

/**
 * The batch imports of terms, meetings and documents (module batch-import): the rows, read and checked one by one as the
 * body streamed in ({@code BatchReader}, in the resource), are authorised (every row's region), known, then all written
 * in multi-row statements in this one transaction, with ids made as the single writes make them, and one {@code IMPORT}
 * event (entity as the single write names it, {@code after} the rows stored, ids included).
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class CommitteeImports {

    /** A term's own rule, checked on each row as it is read: its end after its start ([3].end). */
    public static final BatchReader.RowRule<NewCommitteeTerm> TERM_ROWS = (i, t) -> TermOverlaps.endProblem(t)
            .map(problem -> List.of(new Violation("end", problem))).orElse(List.of());

    private final BatchImport batch;
    private final TermOverlaps overlaps;
    private final RegionReplica replica;
    private final TermStore terms;
    private final CommitteeRecordStore records;

    CommitteeImports(BatchImport batch, TermOverlaps overlaps, RegionReplica replica, TermStore terms,
            CommitteeRecordStore records) {
        this.batch = batch;
        this.overlaps = overlaps;
        this.replica = replica;
        this.terms = terms;
        this.records = records;
    }

    public BatchResult meetings(List<NewMeeting> rows) {
        return records("meeting", CommitteeRecordStore.MEETINGS, rows, NewMeeting::regionCode, CommitteeRecords::newMeeting,
                CommitteeRecords::meeting);
    }

    public BatchResult documents(List<NewDocument> rows) {
        return records("document", CommitteeRecordStore.DOCUMENTS, rows, NewDocument::regionCode,
                CommitteeRecords::newDocument, CommitteeRecords::document);
    }

    /**
     * Terms, each checked as the single write checks it when it was read ({@link #TERM_ROWS}), none overlapping a stored
     * term of its region or another term of the region in the batch: a 409 names the first such row and the term it
     * overlaps.
     */
    public BatchResult terms(List<NewCommitteeTerm> valid) {
        return batch.store("committee-term", valid, NewCommitteeTerm::regionCode, authorised -> {
            replica.requireKnownRows(authorised, NewCommitteeTerm::regionCode);
            List<CommitteeTerm> created = authorised.stream().map(TermOverlaps::created).toList();
            overlaps.refuseOverlaps(created,
                    i -> "[" + i + "]: the term " + created.get(i).start() + " – " + created.get(i).end() + " ");
            terms.insertAll(created);
            return created;
        });
    }

    /** Meetings or documents ({@code N}: as posted, {@code D}: as the contract answers them). */
    private <N, K extends Enum<K>, D> BatchResult records(String entity, Table<K> table, List<N> valid,
            Function<N, String> region, Function<N, CommitteeRecord<K>> toRecord, Function<CommitteeRecord<K>, D> toDto) {
        return batch.store(entity, valid, region, authorised -> {
            replica.requireKnownRows(authorised, region);
            List<CommitteeRecord<K>> created = authorised.stream().map(toRecord).toList();
            records.insertAll(table, created);
            return created.stream().map(toDto).toList();
        });
    }
}
