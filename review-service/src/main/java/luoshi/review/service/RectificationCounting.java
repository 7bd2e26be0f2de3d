package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import luoshi.api.compliance.ServiceRollup;
import luoshi.review.store.RectificationStore;
import luoshi.rules.engine.RollupAddition;

/**
 * Rollups report {@code "rectifications":{"OPEN":n,"SUBMITTED":n,"VERIFIED":n,"REJECTED":n,"overdue":n}} (API.md,
 * "Rectification"): this service's rollup of a subtree carries its rectifications whose period starts in the rollup's
 * year, counted in SQL, and those open past their due date on the rollup's date; the gateway adds them to its answer.
 * Kept with the rollup by data version: every rectification write is audited, which advances it.
 */
@ApplicationScoped
public class RectificationCounting implements RollupAddition {

    private final RectificationStore store;

    RectificationCounting(RectificationStore store) {
        this.store = store;
    }

    @Override
    public ServiceRollup addTo(ServiceRollup rollup, String root, int year, LocalDate day) {
        return rollup.withRectifications(store.counts(root, year, day));
    }
}
