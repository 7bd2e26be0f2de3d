package luoshi.review.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * The batch imports of terms, meetings and documents (module batch-import): every row checked first, then all rows
 * written in multi-row statements in this one transaction, with ids made as the single writes make them, and one
 * {@code IMPORT} event (entity as the single write names it, {@code after} the rows stored, ids included).
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class CommitteeImports {

    private final BatchReader reader;
    private final BatchImport batch;
    private final TermOverlaps overlaps;
    private final RegionReplica replica;
    private final TermStore terms;
    private final CommitteeRecordStore records;

    CommitteeImports(BatchReader reader, BatchImport batch, TermOverlaps overlaps, RegionReplica replica, TermStore terms,
            CommitteeRecordStore records) {
        this.reader = reader;
        this.batch = batch;
        this.overlaps = overlaps;
        this.replica = replica;
        this.terms = terms;
        this.records = records;
    }

    public BatchResult meetings(ArrayNode rows) {
        return records("meeting", CommitteeRecordStore.MEETINGS, reader.read(rows, NewMeeting.class), NewMeeting::regionCode,
                CommitteeRecords::newMeeting, CommitteeRecords::meeting);
    }

    public BatchResult documents(ArrayNode rows) {
        return records("document", CommitteeRecordStore.DOCUMENTS, reader.read(rows, NewDocument.class),
                NewDocument::regionCode, CommitteeRecords::newDocument, CommitteeRecords::document);
    }

    /**
     * Terms, each as the single write checks it ([3].end after [3].start), and none overlapping a stored term of its
     * region or another term of the region in the batch: a 409 names the first such row and the term it overlaps.
     */
    public BatchResult terms(ArrayNode rows) {
        List<NewCommitteeTerm> valid = reader.read(rows, NewCommitteeTerm.class, (i, t) -> TermOverlaps.endProblem(t)
                .map(problem -> List.of(new Violation("end", problem))).orElse(List.of()));
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
