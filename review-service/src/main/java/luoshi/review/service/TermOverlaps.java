package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import luoshi.api.review.CommitteeTerm;
import luoshi.api.review.NewCommitteeTerm;
import luoshi.platform.ProblemException;
import luoshi.review.store.TermStore;

/**
 * The rules of committee terms (API.md: the end after the start; terms of one region never overlap), for one term
 * and for a batch alike.
 */
@ApplicationScoped
public class TermOverlaps {

    private final TermStore store;

    TermOverlaps(TermStore store) {
        this.store = store;
    }

    /** A new term, with its new id, not stored yet (stored, it is at version 1). */
    public static CommitteeTerm created(NewCommitteeTerm t) {
        return new CommitteeTerm(UUID.randomUUID().toString(), t.regionCode(), t.start(), t.end(), 1);
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
    public void refuseOverlaps(List<CommitteeTerm> terms, IntFunction<String> named) {
        if (terms.isEmpty()) {
            return;
        }
        List<String> regions = terms.stream().map(CommitteeTerm::regionCode).distinct().sorted().toList();
        store.lockRegions(regions);
        Map<String, List<CommitteeTerm>> known = new HashMap<>();
        store.ofRegions(regions).forEach(t -> known.computeIfAbsent(t.regionCode(), r -> new ArrayList<>()).add(t));
        Map<CommitteeTerm, Integer> rowOf = new IdentityHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            CommitteeTerm t = terms.get(i);
            List<CommitteeTerm> ofRegion = known.computeIfAbsent(t.regionCode(), r -> new ArrayList<>());
            for (CommitteeTerm other : ofRegion) {
                if (overlap(t, other) && !t.id().equals(other.id())) {   // a corrected term is not checked against itself
                    Integer row = rowOf.get(other);
                    throw ProblemException.conflict(named.apply(i) + "overlaps the term " + other.start() + " – " + other.end()
                            + " of region " + t.regionCode() + (row == null ? " (id " + other.id() + ")" : " in row [" + row + "]")
                            + ".");
                }
            }
            ofRegion.add(t);
            rowOf.put(t, i);
        }
    }

    /** Whether the two terms share a day (a term ends on its last day: one ending 09-30 and one starting 09-30 overlap). */
    static boolean overlap(CommitteeTerm a, CommitteeTerm b) {
        return !a.start().isAfter(b.end()) && !a.end().isBefore(b.start());
    }
}
