package luoshi.review.committee;

import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Function;
import luoshi.api.common.BatchResult;
import luoshi.api.common.Violation;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.api.review.NewDocument;
import luoshi.api.review.NewMeeting;
import luoshi.batch.BatchImport;
import luoshi.batch.BatchReader;
import luoshi.replica.RegionReplica;

/**
 * The batch imports of terms, meetings and documents (module batch-import): every row checked first, then all rows
 * written in multi-row statements in this one transaction, with ids made as the single writes make them, and one
 * {@code IMPORT} event (entity as the single write names it, {@code after} the rows stored, ids included).
 */
@ApplicationScoped
@Transactional
public class CommitteeImports {

    @Inject
    BatchReader reader;

    @Inject
    BatchImport batch;

    @Inject
    TermOverlaps overlaps;

    @Inject
    RegionReplica replica;

    public BatchResult meetings(ArrayNode rows) {
        return records("meeting", "meeting", "meeting_date", reader.read(rows, NewMeeting.class),
                NewMeeting::regionCode, MeetingEntity::of);
    }

    public BatchResult documents(ArrayNode rows) {
        return records("document", "committee_document", "document_date",
                reader.read(rows, NewDocument.class), NewDocument::regionCode, DocumentEntity::of);
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
            List<CommitteeTermEntity> terms = authorised.stream().map(CommitteeTermEntity::of).toList();
            overlaps.refuseOverlaps(terms, i -> "[" + i + "]: the term " + terms.get(i).start + " – " + terms.get(i).end + " ");
            batch.insertAll("INSERT INTO committee_term (id, region_code, start_date, end_date) VALUES", 4, "", terms,
                    (ps, p, t, i) -> {
                        ps.setString(p, t.id);
                        ps.setString(p + 1, t.regionCode);
                        ps.setObject(p + 2, t.start);
                        ps.setObject(p + 3, t.end);
                        return p + 4;
                    });
            return terms.stream().map(CommitteeTermEntity::toDto).toList();
        });
    }

    /** Meetings or documents: the same columns but for the name of the date's. */
    private <T> BatchResult records(String entity, String table, String dateColumn, List<T> valid,
            Function<T, String> region, Function<T, ? extends CommitteeRecordEntity<?>> toEntity) {
        return batch.store(entity, valid, region, authorised -> {
            replica.requireKnownRows(authorised, region);
            List<CommitteeRecordEntity<?>> records = authorised.stream().<CommitteeRecordEntity<?>>map(toEntity).toList();
            batch.insertAll("INSERT INTO " + table + " (id, region_code, type, " + dateColumn + ", title, document_ref) VALUES",
                    6, "", records, (ps, p, r, i) -> {
                        ps.setString(p, r.id);
                        ps.setString(p + 1, r.regionCode);
                        ps.setString(p + 2, r.type.name());
                        ps.setObject(p + 3, r.date);
                        ps.setString(p + 4, r.title);
                        ps.setString(p + 5, r.documentRef);
                        return p + 6;
                    });
            return records.stream().map(CommitteeRecordEntity::toDto).toList();
        });
    }
}
