package luoshi.review.committee;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import luoshi.platform.ProblemException;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.batch.BatchImport;

/**
 * The rules of committee terms (API.md: the end after the start; terms of one region never overlap), for one term
 * and for a batch alike.
 */
@ApplicationScoped
public class TermOverlaps {

    private final BatchImport batch;

    TermOverlaps(BatchImport batch) {
        this.batch = batch;
    }

    /** What is wrong with the term's end, if anything (a 400 naming {@code end}). */
    public static Optional<String> endProblem(NewCommitteeTerm t) {
        return t.end().isAfter(t.start()) ? Optional.empty() : Optional.of("must be after start (" + t.start() + ")");
    }

    /**
     * Refuses with 409 the first of {@code terms} that overlaps a stored term of its region or an earlier one of
     * {@code terms} in the same region; {@code named} names a term of the list in the refusal ("[3]: the term …").
     * <p>
     * The lock rows of the terms' regions are taken first, so that of two concurrent overlapping writes exactly one
     * is stored and the other is refused. They are taken in ascending order of region code, so that two batches
     * wait for each other rather than deadlock. The overlap check after them is a plain read, not FOR UPDATE: a
     * locking range read takes next-key locks that reach into the neighbouring region's index entries, and
     * concurrent terms of adjacent regions then deadlocked (found loading the whole country, benchmarks/). The
     * lock rows are enough: this read must be the transaction's first consistent read, so that its snapshot begins
     * after the locks were granted and holds every term the regions' earlier writers committed.
     * <p>
     * A correction passes the term with its stored id: the stored version of it does not count as an overlap.
     */
    public void refuseOverlaps(List<CommitteeTermEntity> terms, IntFunction<String> named) {
        if (terms.isEmpty()) {
            return;
        }
        List<String> regions = terms.stream().map(t -> t.regionCode).distinct().sorted().toList();
        batch.insertAll("INSERT INTO committee_term_region_lock (region_code) VALUES", 1,
                "ON DUPLICATE KEY UPDATE region_code = region_code", regions, (ps, p, region, i) -> {
                    ps.setString(p, region);
                    return p + 1;
                });
        Map<String, List<CommitteeTermEntity>> known = new HashMap<>();
        CommitteeTermEntity.<CommitteeTermEntity>list("regionCode in ?1", regions)
                .forEach(t -> known.computeIfAbsent(t.regionCode, r -> new ArrayList<>()).add(t));
        Map<CommitteeTermEntity, Integer> rowOf = new IdentityHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            CommitteeTermEntity t = terms.get(i);
            List<CommitteeTermEntity> ofRegion = known.computeIfAbsent(t.regionCode, r -> new ArrayList<>());
            for (CommitteeTermEntity other : ofRegion) {
                if (t.overlaps(other) && !t.id.equals(other.id)) {   // a corrected term is not checked against itself
                    Integer row = rowOf.get(other);
                    throw ProblemException.conflict(named.apply(i) + "overlaps the term " + other.start + " – " + other.end
                            + " of region " + t.regionCode + (row == null ? " (id " + other.id + ")" : " in row [" + row + "]")
                            + ".");
                }
            }
            ofRegion.add(t);
            rowOf.put(t, i);
        }
    }
}
