package luoshi.org.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import luoshi.platform.ProblemException;
import luoshi.api.common.Versioned;
import luoshi.api.common.Violation;
import luoshi.api.region.ImportResult;
import luoshi.api.region.RegionCode;
import luoshi.audit.AuditTrail;
import luoshi.org.store.FeedCounter;

/**
 * The steps of every region and population write, a single row or a batch: the rows are checked in
 * memory ({@link #reject}), each row's region is authorised ({@link #authorize}), then only rows that
 * differ from the stored ones (read with their locks, after the feed counter's) are written, each with the next
 * version of the (locked) feed counter, so that a re-import adds nothing to the feed ({@link #writeChanged}), and
 * what changed is audited ({@link #audit}). The feed version of a row is its version: its ETag.
 */
public final class VersionedWrite {

    /** A rejected batch lists at most this many violations. */
    static final int MAX_VIOLATIONS = 100;

    /** A changed row: {@code before} is the stored row, null when the write created it. */
    public record Change<T>(T before, T after) {
    }

    /** What a write did: the answer, and the rows it changed. */
    public record Written<T>(ImportResult result, List<Change<T>> changes) {
    }

    private VersionedWrite() {
    }

    /** 400 with the violations, if any (the first {@value #MAX_VIOLATIONS}). */
    public static void reject(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations.subList(0, Math.min(MAX_VIOLATIONS, violations.size())));
        }
    }

    /**
     * Every row's region passes {@code rule} (an {@link luoshi.security.Access} check), else its 403, which for a batch
     * names the first row outside; nothing has been written yet. A batch is first checked once: {@code coveringRule} on
     * the region that contains every row's {@code coveredBy} region, a check that, when it passes, implies every row's
     * (each check reads the token's claims: a national import is then one check, not 44,700). When it fails, the rows
     * are checked one by one to name the first outside.
     */
    public static <T> void authorize(List<T> rows, boolean batch, Function<T, String> region, Consumer<String> rule,
            Function<T, String> coveredBy, Consumer<String> coveringRule) {
        if (batch && passes(coveringRule, commonAncestor(rows.stream().map(coveredBy).toList()))) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            try {
                rule.accept(region.apply(rows.get(i)));
            } catch (ProblemException refused) {
                throw batch ? ProblemException.forbidden("row [" + i + "]: " + refused.problem().detail()) : refused;
            }
        }
    }

    private static boolean passes(Consumer<String> rule, String region) {
        if (region == null) {
            return false;
        }
        try {
            rule.accept(region);
            return true;
        } catch (ProblemException refused) {
            return false;
        }
    }

    /**
     * Writes the rows that differ from {@code storedOf} (null: new; read with their locks) in {@code order}, versioned
     * after {@code lockedVersion} (from {@link FeedCounter#lock}), and advances the counter. A row's version is its
     * ETag: a row written is {@code versioned} with the feed version it gets (a row given in a request carries none
     * that counts), an unchanged row keeps its own.
     */
    public static <T extends Versioned> Written<T> writeChanged(FeedCounter counter, long lockedVersion, List<T> rows,
            Function<T, T> storedOf, Comparator<T> order, BiFunction<T, Long, T> versioned, Consumer<List<T>> upsert) {
        List<Change<T>> unversioned = new ArrayList<>();
        int created = 0;
        for (T row : rows) {
            T before = storedOf.apply(row);
            created += before == null ? 1 : 0;
            if (before == null || !versioned.apply(row, before.version()).equals(before)) {
                unversioned.add(new Change<>(before, row));
            }
        }
        unversioned.sort(Comparator.comparing(Change::after, order));
        List<Change<T>> changes = new ArrayList<>(unversioned.size());
        for (int i = 0; i < unversioned.size(); i++) {
            Change<T> change = unversioned.get(i);
            changes.add(new Change<>(change.before(), versioned.apply(change.after(), lockedVersion + 1 + i)));
        }
        upsert.accept(changes.stream().map(Change::after).toList());
        long version = lockedVersion + changes.size();
        counter.advance(version);
        return new Written<>(new ImportResult(rows.size(), created, changes.size() - created, rows.size() - changes.size(),
                version), changes);
    }

    /**
     * The audit event of a write, in its transaction: a single row's CREATE or UPDATE, or a batch's one IMPORT event
     * whose {@code after} holds the changed rows and {@code before} the stored state of those that existed, in the
     * region that contains them all. A write that changed nothing wrote nothing, and records nothing.
     */
    public static <T> void audit(AuditTrail audit, String entity, boolean batch, List<Change<T>> changes,
            Function<T, String> id, Function<T, String> region) {
        if (changes.isEmpty()) {
            return;
        }
        if (!batch) {
            Change<T> change = changes.get(0);
            audit.record(change.before() == null ? AuditTrail.Action.CREATE : AuditTrail.Action.UPDATE, entity,
                    id.apply(change.after()), region.apply(change.after()), change.before(), change.after());
            return;
        }
        List<T> after = changes.stream().map(Change::after).toList();
        audit.record(AuditTrail.Action.IMPORT, entity, null, commonAncestor(after.stream().map(region).toList()),
                changes.stream().map(Change::before).filter(Objects::nonNull).toList(), after);
    }

    /** The nearest region that contains every one of {@code codes}; null when there is none or one is no region code. */
    public static String commonAncestor(List<String> codes) {
        if (codes.isEmpty() || !codes.stream().allMatch(c -> RegionCode.isCountry(c) || RegionCode.levelOf(c).isPresent())) {
            return null;
        }
        String common = codes.get(0);
        for (String code : codes) {
            while (!RegionCode.contains(common, code)) {
                String parent = RegionCode.parentOf(common);
                common = parent == null ? RegionCode.COUNTRY : parent;
            }
        }
        return common;
    }
}
