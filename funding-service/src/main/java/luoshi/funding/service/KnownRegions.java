package luoshi.funding.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import luoshi.api.common.ProblemException;
import luoshi.api.common.Violation;
import luoshi.replica.RegionReplica;

/**
 * API.md "Known regions only": a fact names a region of the read copy (which first catches up with org-service's
 * feed when it lacks the code). Called after the caller's authorisation, so that a caller outside a subtree learns
 * nothing about which codes exist there (403 before 404).
 * <p>
 * Outside the write's transaction: a read inside it would see the copy as of the transaction's first read (InnoDB's
 * REPEATABLE READ snapshot), so a region the copy has just caught up with (in transactions of its own) would still be
 * missing. A refusal still rolls the write's transaction back, as it propagates through it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
class KnownRegions {

    private final RegionReplica regions;

    KnownRegions(RegionReplica regions) {
        this.regions = regions;
    }

    /** A single write: a 404 problem naming the code. */
    void require(String regionCode) {
        regions.requireKnown(regionCode);
    }

    /** A batch: a 400 naming every row whose region is unknown ({@code [3].regionCode}), so nothing is stored. */
    <T> void requireAll(List<T> rows, Function<T, String> regionOf) {
        Set<String> unknown = regions.unknown(rows.stream().map(regionOf).collect(Collectors.toSet()));
        if (unknown.isEmpty()) {
            return;
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String code = regionOf.apply(rows.get(i));
            if (unknown.contains(code)) {
                violations.add(new Violation("[" + i + "].regionCode", "no region " + code));
            }
        }
        throw ProblemException.badRequest(violations);
    }
}
